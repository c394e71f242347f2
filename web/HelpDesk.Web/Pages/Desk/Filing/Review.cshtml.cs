using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Documents;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Procedures;
using HelpDesk.Domain.Audit;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Dossiers;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Desk.Filing;

/// <summary>
/// The printable sheet the resident checks before submission: every answer under its label in
/// Vietnamese and in the resident's language. Personal ID numbers show only their last digits.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class Review(HelpDeskDbContext db, DeskService desk, ProcedureCatalog catalog, ResidentAccess access, AuditLog audit,
    DossierFiling filing, IStringLocalizer<Strings> text) : FilingPage(db, desk, catalog, access, audit)
{
    public bool IsComplete { get; private set; }
    /// <summary>The resident the visit serves, if known: their name heads the sheet, in Vietnamese and in Chinese characters.</summary>
    public Resident? Person { get; private set; }
    /// <summary>Pages captured per document of the procedure.</summary>
    public IReadOnlyDictionary<string, int> PageCounts { get; private set; } = new Dictionary<string, int>();

    /// <summary>Required papers with no page yet (<see cref="ScannedPage.Missing"/>).</summary>
    public IReadOnlyList<RequiredDocument> MissingPapers { get; private set; } = [];
    /// <summary>The submit button shows only then; the consent is valid, or the sheet would not open.</summary>
    public bool CanSubmit => IsComplete && MissingPapers.Count == 0;
    /// <summary>Why the last submission was refused (already localised).</summary>
    public string? SubmitError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadDraftAsync(id) is { } refused) return refused;
        await Audit.SaveAsync(DraftEntry(AuditActions.DraftViewed, "review"));
        await LoadSheetAsync();
        return Page();
    }

    /// <summary>Files the draft as a dossier and opens its slip; a refusal shows the sheet again with the reason.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid id)
    {
        if (await LoadDraftAsync(id) is { } refused) return refused;
        try
        {
            var residentId = CurrentVisit.ResidentId ?? throw new DomainException(ErrorCodes.ConsentRequired);
            var role = User.IsInRole(Roles.WardStaff) ? Roles.WardStaff : Roles.Volunteer;
            var dossier = await filing.SubmitAsync(Draft, Procedure, residentId, FilingConsent.Id, User.UserId(), role);
            return RedirectToPage("/Desk/Dossiers/Slip", new { id = dossier.Id });
        }
        catch (DomainException refusal)
        {
            SubmitError = text["Error_" + refusal.Code];
            await LoadSheetAsync();
            return Page();
        }
    }

    private async Task LoadSheetAsync()
    {
        IsComplete = Draft.IsComplete(Procedure);
        var pages = await Db.ScannedPages.AsNoTracking().Where(p => p.DraftId == Draft.Id).ToListAsync();
        PageCounts = pages.GroupBy(p => p.DocumentId).ToDictionary(g => g.Key, g => g.Count());
        MissingPapers = ScannedPage.Missing(Procedure, pages);
        if (CurrentVisit.ResidentId is { } residentId)
            Person = await Db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == residentId);
    }

    /// <summary>The value of <paramref name="key"/> in <paramref name="culture"/>, or null when nothing was entered.</summary>
    public string? ValueOf(FieldDefinition field, string key, string culture) => FilingTexts.Answer(Draft.Answers, field, key, culture);

    /// <summary>Whether a value reads differently in the resident's language (a choice), so it is shown twice.</summary>
    public static bool IsTranslated(FieldDefinition field) => field.Type is FieldType.Select or FieldType.YesNo;
}
