using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Places;
using HelpDesk.Web.Data;
using HelpDesk.Web.Residents;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Setup;

/// <summary>
/// Training mode: a sample ward with two points, one account per role, and residents with dossiers in
/// every state (<see cref="DemoDossiers"/>), so a newcomer can click through. Every demo account uses HelpDesk:Demo:Password; there is none in the code.
/// </summary>
public static class DemoSeeder
{
    public const string DemoWardName = "Phường Chợ Lớn";

    /// <summary>User names of the demo accounts and their roles.</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string Culture)> Accounts =
    [
        ("demo.coordinator", "Trần Thị Mai", Roles.Coordinator, Cultures.Vietnamese),
        ("demo.staff", "Lê Văn Hùng", Roles.WardStaff, Cultures.Vietnamese),
        ("demo.leader", "Phạm Quốc Bảo", Roles.Leader, Cultures.Vietnamese),
        ("demo.volunteer1", "Nguyễn Minh Anh", Roles.Volunteer, Cultures.Vietnamese),
        ("demo.volunteer2", "Lâm Gia Huy", Roles.Volunteer, Cultures.SimplifiedChinese),
        ("demo.resident1", "Trương Thị Lan", Roles.Resident, Cultures.TraditionalChinese),
        ("demo.resident2", "Nguyễn Văn Bảo", Roles.Resident, Cultures.Vietnamese),
    ];

    public static async Task SeedDemoIfEnabledAsync(this WebApplication app)
    {
        var demo = app.Services.GetRequiredService<IOptions<HelpDeskOptions>>().Value.Demo;
        if (!demo.Enabled) return;
        if (string.IsNullOrWhiteSpace(demo.Password))
            throw new InvalidOperationException("HelpDesk:Demo:Enabled is on but HelpDesk:Demo:Password is empty.");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        if (await db.Wards.AnyAsync(w => w.Name == DemoWardName)) return;

        // The ID-number hashing key is created on first use by a context of its own, which would wait
        // behind this transaction's write lock: create it first.
        await scope.ServiceProvider.GetRequiredService<PersonalIdLookup>().HasherAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var ward = new Ward(DemoWardName, "Thành phố Hồ Chí Minh");
        db.Wards.Add(ward);
        var points = new[]
        {
            new ServicePoint(ward.Id, "CL01", "Điểm hỗ trợ Khu phố 1", "12 Trần Hưng Đạo, Phường Chợ Lớn"),
            new ServicePoint(ward.Id, "CL02", "Điểm hỗ trợ Khu phố 5", "88 Nguyễn Trãi, Phường Chợ Lớn"),
        };
        foreach (var point in points)
        {
            // The evening-desk pattern of the seeds: Tue/Wed/Thu 17:30–20:30 and Saturday morning.
            point.ReplaceSchedule([
                new WeeklySession(DayOfWeek.Tuesday, new TimeOnly(17, 30), new TimeOnly(20, 30)),
                new WeeklySession(DayOfWeek.Wednesday, new TimeOnly(17, 30), new TimeOnly(20, 30)),
                new WeeklySession(DayOfWeek.Thursday, new TimeOnly(17, 30), new TimeOnly(20, 30)),
                new WeeklySession(DayOfWeek.Saturday, new TimeOnly(8, 0), new TimeOnly(11, 0)),
            ]);
        }
        points[0].Update(points[0].Name, points[0].Address, "028 3855 0101", desks: 2);
        db.ServicePoints.AddRange(points);
        await db.SaveChangesAsync();

        var userIds = new Dictionary<string, string>();
        foreach (var (userName, displayName, role, culture) in Accounts)
        {
            var user = new ApplicationUser
            {
                UserName = userName,
                DisplayName = displayName,
                WardId = ward.Id,
                PreferredCulture = culture,
                CreatedAt = now,
            };
            Check(await users.CreateAsync(user, demo.Password));
            Check(await users.AddToRoleAsync(user, role));
            userIds[userName] = user.Id;
            if (role is Roles.Volunteer or Roles.WardStaff)
                db.PointAssignments.Add(new PointAssignment(points[role == Roles.WardStaff ? 1 : 0].Id, user.Id, now));
        }
        await db.SaveChangesAsync();
        await new DemoDossiers(scope.ServiceProvider, ward, points[0], userIds).SeedAsync();
        await transaction.CommitAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
