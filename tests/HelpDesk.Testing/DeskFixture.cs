using HelpDesk.Domain;
using HelpDesk.Domain.Places;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Testing;

/// <summary>Puts an app's clock inside a known session of a point in the test ward, with volunteers assigned to it.</summary>
public static class DeskFixture
{
    /// <summary>The next Tuesday at <paramref name="localTime"/> Vietnam time, at least a day ahead of the real clock.</summary>
    public static DateTimeOffset NextTuesdayAt(TimeOnly localTime)
    {
        var today = VietnamTime.Today(DateTimeOffset.UtcNow).AddDays(1);
        while (today.DayOfWeek != DayOfWeek.Tuesday) today = today.AddDays(1);
        return VietnamTime.At(today, localTime);
    }

    /// <summary>Moves the app's clock to <paramref name="instant"/>.</summary>
    public static void SetClock(this HelpDeskApp app, DateTimeOffset instant) => app.Clock.Advance(instant - app.Clock.GetUtcNow());

    /// <summary>A point open Tuesday 17:30–20:30 in the test ward; returns its id.</summary>
    public static async Task<ServicePoint> CreatePointAsync(this HelpDeskApp app, string code = "TN01", params string[] assignedUserIds)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var ward = await db.Wards.FirstOrDefaultAsync(w => w.Name == TestAccounts.WardName);
        if (ward is null)
        {
            ward = new Ward(TestAccounts.WardName, "Thành phố Hồ Chí Minh");
            db.Wards.Add(ward);
        }
        var point = new ServicePoint(ward.Id, code, "Điểm hỗ trợ " + code, "1 Nguyễn Trãi, " + TestAccounts.WardName);
        point.ReplaceSchedule([new WeeklySession(DayOfWeek.Tuesday, new TimeOnly(17, 30), new TimeOnly(20, 30))]);
        db.ServicePoints.Add(point);
        foreach (var userId in assignedUserIds) db.PointAssignments.Add(new PointAssignment(point.Id, userId, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return point;
    }
}
