using System.Globalization;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Places;
using HelpDesk.Web.Data;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Staff.Volunteers;

/// <summary>
/// A coordinator decides who works at which point of the ward, and ends someone's access at once
/// by deactivating them (their open sessions end at their next request).
/// </summary>
[Authorize(Roles = Roles.Coordinator)]
public sealed class VolunteerList(
    HelpDeskDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, IStringLocalizer<Strings> text, HelpDesk.Web.Desk.DeskService desk) : PageModel
{
    /// <summary>The roles that staff a desk and so appear here.</summary>
    private static readonly string[] DeskRoles = [Roles.Volunteer, Roles.WardStaff];

    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<ServicePoint> Points { get; private set; } = [];
    public string? Refusal { get; private set; }
    /// <summary>Coordinators are not offered to deactivate themselves (they would lock the ward out).</summary>
    public string CurrentUserId => User.UserId();

    public sealed record Person(string Id, string DisplayName, string UserName, bool IsActive, IReadOnlyList<string> Roles, IReadOnlySet<Guid> PointIds);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAssignAsync(string userId, List<Guid> points)
    {
        if (await FindPersonAsync(userId) is null) return NotFound();
        var ward = User.WardId();
        var wardPoints = await db.ServicePoints.Where(p => p.WardId == ward).Select(p => p.Id).ToListAsync();
        var wanted = points.Where(wardPoints.Contains).ToHashSet();
        var current = await db.PointAssignments.Where(a => a.UserId == userId && wardPoints.Contains(a.PointId)).ToListAsync();
        db.PointAssignments.RemoveRange(current.Where(a => !wanted.Contains(a.PointId)));
        var now = clock.GetUtcNow();
        db.PointAssignments.AddRange(wanted.Except(current.Select(a => a.PointId)).Select(point => new PointAssignment(point, userId, now)));
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string userId)
    {
        if (await FindPersonAsync(userId) is not { } person) return NotFound();
        if (person.Id == User.UserId())
        {
            Refusal = text["Volunteers_CannotDeactivateSelf"];
            await LoadAsync();
            return Page();
        }
        person.IsActive = false;
        // A shift they left open ends now, with its visits, in the same save as the deactivation.
        if (await desk.OpenShiftAsync(person.Id) is { } shift) await desk.CloseShiftAsync(shift);
        // The new stamp also ends sessions on other devices at Identity's next check; ActiveAccountCheck ends them at once.
        Check(await users.UpdateSecurityStampAsync(person));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReactivateAsync(string userId)
    {
        if (await FindPersonAsync(userId) is not { } person) return NotFound();
        person.IsActive = true;
        Check(await users.UpdateAsync(person));
        return RedirectToPage();
    }

    /// <summary>A volunteer or ward officer of the coordinator's own ward; anyone else does not exist here.</summary>
    private Task<ApplicationUser?> FindPersonAsync(string userId)
    {
        var ward = User.WardId();
        var deskRoleIds = db.Roles.Where(r => DeskRoles.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.WardId == ward
            && db.UserRoles.Any(ur => ur.UserId == u.Id && deskRoleIds.Contains(ur.RoleId)));
    }

    private async Task LoadAsync()
    {
        var ward = User.WardId();
        var names = StringComparer.Create(CultureInfo.GetCultureInfo(Cultures.Vietnamese), ignoreCase: true);
        Points = await db.ServicePoints.AsNoTracking().Where(p => p.WardId == ward).OrderBy(p => p.Code).ToListAsync();
        var rows = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where user.WardId == ward && DeskRoles.Contains(role.Name!)
            select new { user.Id, user.DisplayName, user.UserName, user.IsActive, Role = role.Name! }).ToListAsync();
        var assignments = await (
            from assignment in db.PointAssignments
            join point in db.ServicePoints on assignment.PointId equals point.Id
            where point.WardId == ward
            select new { assignment.UserId, assignment.PointId }).ToListAsync();
        People = rows
            .GroupBy(r => r.Id)
            .Select(g => new Person(g.Key, g.First().DisplayName, g.First().UserName ?? "", g.First().IsActive,
                g.Select(r => r.Role).Order().ToList(),
                assignments.Where(a => a.UserId == g.Key).Select(a => a.PointId).ToHashSet()))
            .OrderByDescending(p => p.IsActive)
            .ThenBy(p => p.DisplayName, names)
            .ToList();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
