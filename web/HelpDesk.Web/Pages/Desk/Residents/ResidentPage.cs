using HelpDesk.Domain.Desk;
using HelpDesk.Domain.People;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages.Desk.Residents;

/// <summary>
/// What the resident pages share: they work only for the volunteer's open visit during their open
/// shift, and only with residents of the ward the service point belongs to.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public abstract class ResidentPage(HelpDeskDbContext db, DeskService desk) : PageModel
{
    protected HelpDeskDbContext Db => db;
    protected DeskService Desk => desk;

    public Visit CurrentVisit { get; private set; } = null!;
    public Guid WardId { get; private set; }

    /// <summary>Loads the volunteer's open visit and its ward; returns the result to send instead when there is none.</summary>
    protected async Task<IActionResult?> LoadVisitAsync(Guid visitId)
    {
        var (shift, visit) = await desk.OpenVisitAsync(User.UserId(), visitId);
        if (shift is null) return RedirectToPage("/Desk/Index");
        if (visit is null) return NotFound();
        CurrentVisit = visit;
        WardId = await db.ServicePoints.Where(p => p.Id == visit.PointId).Select(p => p.WardId).SingleAsync();
        return null;
    }

    /// <summary>The resident the visit serves (null when none is attached yet).</summary>
    public Resident? Served { get; private set; }

    /// <summary>Loads the visit and the resident it serves; without one, sends back to the visit.</summary>
    protected async Task<IActionResult?> LoadServedAsync(Guid visitId)
    {
        if (await LoadVisitAsync(visitId) is { } refused) return refused;
        if (CurrentVisit.ResidentId is not { } residentId) return BackToVisit();
        Served = await db.Residents.SingleAsync(r => r.Id == residentId);
        return null;
    }

    protected IActionResult BackToVisit() => RedirectToPage("/Desk/Visit", new { id = CurrentVisit.Id });

    /// <summary>A phone number with all but its last 3 digits hidden.</summary>
    public static string MaskedPhone(string? phone) =>
        phone is null ? "" : phone.Length <= 3 ? phone : new string('•', phone.Length - 3) + phone[^3..];

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
