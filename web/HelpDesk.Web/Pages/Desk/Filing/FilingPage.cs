using HelpDesk.Domain;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Desk;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages.Desk.Filing;

/// <summary>
/// What the filing pages share: nothing is shown or written outside the volunteer's open shift,
/// and only for an open visit of that shift (another volunteer's visit or draft is not found).
/// A draft opens only while the resident's consent covers filing its procedure at this point.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public abstract class FilingPage(HelpDeskDbContext db, DeskService desk, ProcedureCatalog catalog, ResidentAccess access, AuditLog audit) : PageModel
{
    protected HelpDeskDbContext Db => db;
    protected DeskService Desk => desk;
    protected ProcedureCatalog Catalog => catalog;
    protected ResidentAccess Access => access;
    protected AuditLog Audit => audit;

    public Visit CurrentVisit { get; private set; } = null!;
    public DossierDraft Draft { get; private set; } = null!;
    public ProcedureDefinition Procedure { get; private set; } = null!;
    /// <summary>The consent that covers filing the draft's procedure, found by <see cref="LoadDraftAsync"/>.</summary>
    public Consent FilingConsent { get; private set; } = null!;
    /// <summary>The culture the resident reads, shown beneath the Vietnamese.</summary>
    public string Resident => Draft.ResidentLanguage;
    public bool Bilingual => Resident != Cultures.Vietnamese;

    /// <summary>Loads the volunteer's open visit; returns the result to send instead when there is none.</summary>
    protected async Task<IActionResult?> LoadVisitAsync(Guid visitId)
    {
        var (shift, visit) = await desk.OpenVisitAsync(User.UserId(), visitId);
        if (shift is null) return RedirectToPage("/Desk/Index");
        if (visit is null) return NotFound();
        CurrentVisit = visit;
        return null;
    }

    /// <summary>
    /// Loads a draft of one of the volunteer's open visits in this shift, with its procedure. A draft
    /// already submitted is no longer a form: its dossier's slip opens instead.
    /// </summary>
    protected async Task<IActionResult?> LoadDraftAsync(Guid draftId)
    {
        var shift = await desk.OpenShiftAsync(User.UserId());
        if (shift is null) return RedirectToPage("/Desk/Index");
        var draft = await db.DossierDrafts.SingleOrDefaultAsync(d => d.Id == draftId
            && db.Visits.Any(v => v.Id == d.VisitId && v.ShiftId == shift.Id && v.ClosedAt == null));
        if (draft is null || catalog.FindByCode(draft.ProcedureCode) is not { } procedure) return NotFound();
        if (draft.DossierId is { } dossierId) return RedirectToPage("/Desk/Dossiers/Slip", new { id = dossierId });
        Draft = draft;
        Procedure = procedure;
        CurrentVisit = await db.Visits.SingleAsync(v => v.Id == draft.VisitId);
        if (await access.ConsentForAsync(User.UserId(), CurrentVisit, ResidentAction.FileProcedure, draft.ProcedureCode) is not { } consent)
            return ConsentNeeded();
        FilingConsent = consent;
        return null;
    }

    /// <summary>Back to the visit, which says a consent covering this filing is needed first.</summary>
    protected IActionResult ConsentNeeded()
    {
        TempData[Pages.Desk.CurrentVisit.MessageKeyName] = "Consent_NeededToFile";
        return RedirectToPage("/Desk/Visit", new { id = CurrentVisit.Id });
    }

    /// <summary>An audit entry about the draft on screen.</summary>
    protected AuditEntry DraftEntry(string action, string? detail = null) =>
        new(action, User.UserId(), CurrentVisit.ResidentId, $"draft:{Draft.Id}", CurrentVisit.PointId, detail);
}

/// <summary>How form keys become element ids, and how saved answers read on the review sheet.</summary>
public static class FilingTexts
{
    /// <summary>"mother[0].motherResidence.street" → "f-mother-0-motherResidence-street".</summary>
    public static string InputId(string key) => "f-" + key.Replace("].", "-").Replace('[', '-').Replace(']', '-').Replace('.', '-');

    /// <summary>A saved value as the resident reads it in <paramref name="culture"/>; personal ID numbers keep only their last 3 digits.</summary>
    public static string Display(FieldDefinition field, string value, string culture) => field.Type switch
    {
        FieldType.Select => field.Options.FirstOrDefault(o => o.Value == value)?.Label.In(culture) ?? value,
        FieldType.YesNo => TextsIn.Get(culture, value == "yes" ? "Filing_Yes" : "Filing_No"),
        FieldType.PersonalId => PersonalIdNumber.TryParse(value, out var id, out _) ? id!.Masked
            : value.Length <= 3 ? value : new string('•', value.Length - 3) + value[^3..],
        _ => value,
    };

    /// <summary>The answer to <paramref name="field"/> under <paramref name="key"/> as shown in <paramref name="culture"/>, or null when not given.</summary>
    public static string? Answer(IReadOnlyDictionary<string, string> answers, FieldDefinition field, string key, string culture) => field.Type switch
    {
        FieldType.Address => Address(answers, key) is { Length: > 0 } address ? address : null,
        _ => answers.TryGetValue(key, out var value) ? Display(field, value, culture) : null,
    };

    /// <summary>Street, ward, province of an address joined in one line; empty when none was given.</summary>
    public static string Address(IReadOnlyDictionary<string, string> answers, string key) =>
        string.Join(", ", FormValidation.AddressParts.Select(p => answers.GetValueOrDefault($"{key}.{p}")).Where(v => !string.IsNullOrEmpty(v)));
}
