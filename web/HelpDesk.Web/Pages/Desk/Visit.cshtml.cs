using System.ComponentModel.DataAnnotations;
using HelpDesk.Domain;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using HelpDesk.Web.Resources;

namespace HelpDesk.Web.Pages.Desk;

/// <summary>
/// One resident at the desk. Closing the visit records what it was for and how it ended, and
/// takes the volunteer back to an empty desk: nothing of the resident stays on the screen.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class CurrentVisit(HelpDeskDbContext db, DeskService desk, ResidentAccess access, ProcedureCatalog catalog, IStringLocalizer<Strings> text) : PageModel
{
    /// <summary>A dossier of the resident, with the way to its slip (and to adding papers when the ward asked for more).</summary>
    public sealed record FiledDossier(Guid Id, string Number, string ProcedureCode, DossierStatus Status);

    /// <summary>
    /// The dossiers submitted in this visit, and — under a valid consent — the resident's earlier ones at
    /// this point still open (they came back with the papers the ward asked for), in the order filed.
    /// </summary>
    public IReadOnlyList<FiledDossier> Filed { get; private set; } = [];
    public string? ProcedureName(string code) => catalog.FindByCode(code)?.Name.In(System.Globalization.CultureInfo.CurrentUICulture.Name);

    /// <summary>The resident's consents at this point, newest first.</summary>
    public IReadOnlyList<Consent> Consents { get; private set; } = [];
    public bool HasValidConsent => Consents.Any(c => c.StatusAt(desk.Now) == ConsentStatus.Valid);
    public ConsentStatus StatusOf(Consent consent) => consent.StatusAt(desk.Now);

    public Visit Current { get; private set; } = null!;
    public int? TicketNumber { get; private set; }
    public HelpDesk.Domain.People.Resident? Resident { get; private set; }
    [BindProperty] public CloseInput Input { get; set; } = new();
    /// <summary>TempData key (its value a resource key) other desk pages use to say what stopped the volunteer (a missing consent): an alert.</summary>
    public const string MessageKeyName = "VisitMessageKey";
    [TempData(Key = MessageKeyName)] public string? MessageKey { get; set; }
    /// <summary>TempData key of what went well (a dossier handed back): a status, not an alert.</summary>
    public const string DoneKeyName = "VisitDoneKey";
    [TempData(Key = DoneKeyName)] public string? DoneKey { get; set; }

    public sealed class CloseInput
    {
        [Required, Display(Name = "Visit_Purpose")] public VisitPurpose? Purpose { get; set; }
        [Required, Display(Name = "Visit_Language")] public string? Language { get; set; }
        [Required, Display(Name = "Visit_Outcome")] public VisitOutcome? Outcome { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } missing) return missing;
        Input.Language = System.Globalization.CultureInfo.CurrentUICulture.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id)
    {
        if (await LoadAsync(id) is { } missing) return missing;
        if (!ModelState.IsValid) return Page();
        try
        {
            Current.Close(Input.Purpose!.Value, Input.Language!, Input.Outcome!.Value, desk.Now);
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError("", text["Error_" + refused.Code]);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["MessageKey"] = "Desk_VisitClosed";
        return RedirectToPage("Index");
    }

    /// <summary>Finds the volunteer's own open visit during their open shift; anything else is not found.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var shift = await desk.OpenShiftAsync(User.UserId());
        if (shift is null) return RedirectToPage("Index");
        var visit = await db.Visits.SingleOrDefaultAsync(v => v.Id == id && v.ShiftId == shift.Id && v.ClosedAt == null);
        if (visit is null) return NotFound();
        Current = visit;
        Resident = visit.ResidentId is null ? null : await db.Residents.SingleAsync(r => r.Id == visit.ResidentId);
        Consents = await access.ConsentsAtPointAsync(visit);
        var earlier = HasValidConsent;
        var final = DossierLifecycle.FinalStatuses.ToArray();
        Filed = await db.Dossiers
            .Where(d => db.DossierDrafts.Any(dr => dr.Id == d.DraftId && dr.VisitId == visit.Id)
                || (earlier && d.ResidentId == visit.ResidentId && d.PointId == visit.PointId && !final.Contains(d.Status)))
            .OrderBy(d => d.SubmittedAt).Select(d => new FiledDossier(d.Id, d.Number, d.ProcedureCode, d.Status)).ToListAsync();
        TicketNumber = visit.TicketId is null ? null : await db.QueueTickets.Where(t => t.Id == visit.TicketId).Select(t => (int?)t.Number).SingleAsync();
        return null;
    }
}
