using System.Globalization;
using HelpDesk.Domain;
using HelpDesk.Domain.Procedures;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Desk.Filing;

/// <summary>
/// Choosing what to file for the resident and the language they read. Procedures the person must
/// file themselves say so here, before anything is typed, and cannot be started.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class Start(HelpDeskDbContext db, DeskService desk, ProcedureCatalog catalog, ResidentAccess access, AuditLog audit, IStringLocalizer<Strings> text)
    : FilingPage(db, desk, catalog, access, audit)
{
    public string Culture { get; } = CultureInfo.CurrentUICulture.Name;
    public IReadOnlyList<ProcedureDefinition> Procedures => Catalog.All;
    public IReadOnlyList<DossierDraft> Drafts { get; private set; } = [];
    /// <summary>Drafts started for the same resident in earlier visits, at any point of the ward.</summary>
    public IReadOnlyList<DossierDraft> EarlierDrafts { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty] public string? ProcedureCode { get; set; }
    [BindProperty] public string? ResidentLanguage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid visitId)
    {
        if (await LoadVisitAsync(visitId) is { } refused) return refused;
        ResidentLanguage = Culture == Cultures.Vietnamese ? Cultures.TraditionalChinese : Culture;
        if (CurrentVisit.ResidentId is { } residentId)
            ResidentLanguage = await Db.Residents.Where(r => r.Id == residentId).Select(r => r.PreferredLanguage).SingleAsync();
        await LoadDraftsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid visitId)
    {
        if (await LoadVisitAsync(visitId) is { } refused) return refused;
        try
        {
            var procedure = Catalog.FindByCode(ProcedureCode ?? "") ?? throw new DomainException(ErrorCodes.FieldChoice);
            if (procedure.Proxy.Allowed && await Access.ConsentForAsync(User.UserId(), CurrentVisit, ResidentAction.FileProcedure, procedure.Code) is null)
                throw new DomainException(ErrorCodes.ConsentRequired);
            var draft = DossierDraft.Start(procedure, CurrentVisit, ResidentLanguage ?? "", Desk.Now);
            Db.DossierDrafts.Add(draft);
            await Audit.SaveAsync(new AuditEntry(AuditActions.DraftStarted, User.UserId(), CurrentVisit.ResidentId, $"draft:{draft.Id}", CurrentVisit.PointId, procedure.Code));
            return RedirectToPage("Step", new { id = draft.Id, n = 1 });
        }
        catch (DomainException refusal)
        {
            Error = text["Error_" + refusal.Code];
            await LoadDraftsAsync();
            return Page();
        }
    }

    /// <summary>Carries a draft from an earlier visit of the same resident into this one, then resumes it.</summary>
    public async Task<IActionResult> OnPostContinueAsync(Guid visitId, Guid draftId)
    {
        if (await LoadVisitAsync(visitId) is { } refused) return refused;
        var draft = await EarlierDraftsOfResident().SingleOrDefaultAsync(d => d.Id == draftId);
        if (draft is null) return NotFound();
        if (await Access.ConsentForAsync(User.UserId(), CurrentVisit, ResidentAction.FileProcedure, draft.ProcedureCode) is null)
            return ConsentNeeded();
        draft.ContinueIn(CurrentVisit, Desk.Now);
        await Audit.SaveAsync(new AuditEntry(AuditActions.DraftStarted, User.UserId(), CurrentVisit.ResidentId, $"draft:{draft.Id}", CurrentVisit.PointId, "continued"));
        return Redirect(ResumeUrl(draft));
    }

    /// <summary>Where a draft picks up: the screen after the last one saved, or the review sheet.</summary>
    public string ResumeUrl(DossierDraft draft)
    {
        var steps = Catalog.FindByCode(draft.ProcedureCode)?.Steps.Count ?? 0;
        return draft.CurrentStep >= steps
            ? Url.Page("Review", new { id = draft.Id })!
            : Url.Page("Step", new { id = draft.Id, n = draft.CurrentStep + 1 })!;
    }

    private async Task LoadDraftsAsync()
    {
        // Submitted drafts are dossiers now: the visit page lists them with their slips.
        Drafts = (await Db.DossierDrafts.Where(d => d.VisitId == CurrentVisit.Id && d.DossierId == null).ToListAsync())
            .OrderByDescending(d => d.UpdatedAt).ToList();
        EarlierDrafts = (await EarlierDraftsOfResident().ToListAsync()).OrderByDescending(d => d.UpdatedAt).ToList();
    }

    /// <summary>Drafts of other visits that served this visit's resident at a point of the same ward.</summary>
    private IQueryable<DossierDraft> EarlierDraftsOfResident()
    {
        if (CurrentVisit.ResidentId is not { } resident) return Db.DossierDrafts.Where(_ => false);
        var ward = Db.ServicePoints.Where(p => p.Id == CurrentVisit.PointId).Select(p => p.WardId);
        var wardPoints = Db.ServicePoints.Where(p => ward.Contains(p.WardId)).Select(p => p.Id);
        return Db.DossierDrafts.Where(d => d.VisitId != CurrentVisit.Id && d.DossierId == null
            && wardPoints.Contains(d.PointId)
            && Db.Visits.Any(v => v.Id == d.VisitId && v.ResidentId == resident));
    }
}
