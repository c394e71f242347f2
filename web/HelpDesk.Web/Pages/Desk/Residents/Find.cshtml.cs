using HelpDesk.Domain;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Audit;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages.Desk.Residents;

/// <summary>
/// Finding the resident at the desk by name (typed without diacritics), phone or ID number. The
/// query is posted, never put in the address, so an ID number reaches no URL, history or log.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class Find(HelpDeskDbContext db, DeskService desk, ResidentRegister register, AuditLog audit) : ResidentPage(db, desk)
{
    [BindProperty] public string? Q { get; set; }
    public IReadOnlyList<Resident>? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid visitId) =>
        await LoadVisitAsync(visitId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid visitId)
    {
        if (await LoadVisitAsync(visitId) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(Q))
        {
            Results = [];
            return Page();
        }
        Results = await register.SearchAsync(WardId, Q);
        // What was searched for is personal data: only its kind and the number of people shown are kept.
        await audit.SaveAsync(new AuditEntry(AuditActions.ResidentSearched, User.UserId(), PointId: CurrentVisit.PointId,
            Detail: $"{ResidentRegister.KindOf(Q)}:{Results.Count}"));
        return Page();
    }

    public async Task<IActionResult> OnPostChooseAsync(Guid visitId, Guid residentId)
    {
        if (await LoadVisitAsync(visitId) is { } refused) return refused;
        if (!await Db.Residents.AnyAsync(r => r.Id == residentId && r.WardId == WardId)) return NotFound();
        try
        {
            CurrentVisit.ServeResident(residentId);
        }
        catch (DomainException)
        {
            return NotFound();
        }
        await audit.SaveAsync(new AuditEntry(AuditActions.ResidentServed, User.UserId(), residentId, $"visit:{CurrentVisit.Id}", CurrentVisit.PointId));
        return BackToVisit();
    }
}
