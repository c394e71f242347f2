using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Documents;
using HelpDesk.Web.Dossiers;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Desk.Dossiers;

/// <summary>
/// The resident came back with the papers the ward asked for (form Mẫu 02): the volunteer sees what was
/// asked, in Vietnamese and the resident's language, scans the papers into the dossier and hands it back
/// to the ward, which receives it again and restarts the clock. Only in an open visit serving this
/// resident at the dossier's point, under a consent that covers filing its procedure.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class Supplement(HelpDeskDbContext db, DeskService desk, ResidentAccess access, ProcedureCatalog catalog, Scans scans,
    DossierOffice office, IStringLocalizer<Strings> text) : PageModel
{
    public Visit CurrentVisit { get; private set; } = null!;
    public Dossier Record { get; private set; } = null!;
    public ProcedureDefinition Procedure { get; private set; } = null!;
    /// <summary>The ward's request: the last move into "more papers requested", with its reason.</summary>
    public DossierTransition? WardRequest { get; private set; }
    /// <summary>Pages kept per paper, counting those added today.</summary>
    public IReadOnlyDictionary<string, int> PageCounts { get; private set; } = new Dictionary<string, int>();
    /// <summary>Pages added since the ward's request, per paper.</summary>
    public IReadOnlyDictionary<string, int> AddedSinceRequest { get; private set; } = new Dictionary<string, int>();
    public string Resident => Record.ResidentLanguage;
    public bool Bilingual => Resident != Cultures.Vietnamese;
    public bool Waiting => Record.Status == DossierStatus.NeedsSupplement;
    /// <summary>Why the last upload or hand-back was refused (already localised).</summary>
    public string? Refusal { get; private set; }
    /// <summary>The paper a page was just added to.</summary>
    public string? AddedTo { get; private set; }

    /// <summary>The requested papers first, then the procedure's others (the ward may want any of them).</summary>
    public IEnumerable<RequiredDocument> Papers =>
        Procedure.Documents.Where(d => Record.RequestedDocuments.Contains(d.Id)).Concat(Procedure.Documents.Where(d => !Record.RequestedDocuments.Contains(d.Id)));

    public async Task<IActionResult> OnGetAsync(Guid visitId, Guid id, string? added)
    {
        if (await LoadAsync(visitId, id) is { } instead) return instead;
        AddedTo = added;
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid visitId, Guid id, string documentId, IFormFile? file)
    {
        if (await LoadAsync(visitId, id) is { } instead) return instead;
        if (!Waiting) return await RefusedAsync(ErrorCodes.DossierMoveNotAllowed);
        if (Procedure.Documents.FirstOrDefault(d => d.Id == documentId) is not { } document) return NotFound();
        if (await access.ConsentForAsync(User.UserId(), CurrentVisit, ResidentAction.KeepScans) is null)
            return await RefusedAsync(ErrorCodes.ScanConsentNeeded);
        if (file is null || file.Length == 0) return await RefusedAsync(ErrorCodes.UploadEmpty);
        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        var draft = await db.DossierDrafts.SingleAsync(d => d.Id == Record.DraftId);
        try
        {
            await scans.AddAsync(draft, document, content.ToArray(), User.UserId(), Record.ResidentId);
        }
        catch (DomainException refusal)
        {
            return await RefusedAsync(refusal.Code);
        }
        return RedirectToPage(new { visitId, id, added = document.Id });
    }

    /// <summary>Hands the dossier back to the ward (<see cref="DossierIntent.Resubmit"/>), then back to the visit.</summary>
    public async Task<IActionResult> OnPostResubmitAsync(Guid visitId, Guid id, int version)
    {
        if (await LoadAsync(visitId, id) is { } instead) return instead;
        var role = User.IsInRole(Roles.Volunteer) ? Roles.Volunteer : Roles.WardStaff;
        try
        {
            await office.MoveAsync(Record, new MoveRequest(DossierIntent.Resubmit, version, null, null, []), User.UserId(), role);
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            if (await LoadAsync(visitId, id) is { } gone) return gone;
            return await RefusedAsync(refusal.Code);
        }
        TempData[Pages.Desk.CurrentVisit.DoneKeyName] = "Supplement_HandedBack";
        return RedirectToPage("/Desk/Visit", new { id = visitId });
    }

    private async Task<IActionResult> RefusedAsync(string code)
    {
        Refusal = text["Error_" + code];
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>Loads the visit, the dossier and its papers; returns the result to send instead when not allowed.</summary>
    private async Task<IActionResult?> LoadAsync(Guid visitId, Guid id)
    {
        var (shift, visit) = await desk.OpenVisitAsync(User.UserId(), visitId);
        if (shift is null) return RedirectToPage("/Desk/Index");
        if (visit?.ResidentId is not { } residentId) return NotFound();
        var dossier = await db.Dossiers.Include(d => d.Transitions)
            .SingleOrDefaultAsync(d => d.Id == id && d.ResidentId == residentId && d.PointId == visit.PointId);
        if (dossier is null || catalog.FindByCode(dossier.ProcedureCode) is not { } procedure) return NotFound();
        CurrentVisit = visit;
        if (await access.ConsentForAsync(User.UserId(), visit, ResidentAction.FileProcedure, dossier.ProcedureCode) is null)
        {
            TempData[Pages.Desk.CurrentVisit.MessageKeyName] = "Consent_NeededToFile";
            return RedirectToPage("/Desk/Visit", new { id = visitId });
        }
        Record = dossier;
        Procedure = procedure;
        WardRequest = dossier.Transitions.LastOrDefault(t => t.To == DossierStatus.NeedsSupplement);
        var pages = await db.ScannedPages.AsNoTracking().Where(p => p.DraftId == dossier.DraftId).Select(p => new { p.DocumentId, p.AddedAt }).ToListAsync();
        PageCounts = pages.GroupBy(p => p.DocumentId).ToDictionary(g => g.Key, g => g.Count());
        AddedSinceRequest = pages.Where(p => WardRequest is not null && p.AddedAt > WardRequest.At).GroupBy(p => p.DocumentId).ToDictionary(g => g.Key, g => g.Count());
        return null;
    }
}
