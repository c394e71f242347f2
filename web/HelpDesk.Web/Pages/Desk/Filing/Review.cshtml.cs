using HelpDesk.Domain.People;
using HelpDesk.Domain.Procedures;
using HelpDesk.Domain.Audit;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages.Desk.Filing;

/// <summary>
/// The printable sheet the resident checks before submission: every answer under its label in
/// Vietnamese and in the resident's language. Personal ID numbers show only their last digits.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class Review(HelpDeskDbContext db, DeskService desk, ProcedureCatalog catalog, ResidentAccess access, AuditLog audit) : FilingPage(db, desk, catalog, access, audit)
{
    public bool IsComplete { get; private set; }
    /// <summary>The resident the visit serves, if known: their name heads the sheet, in Vietnamese and in Chinese characters.</summary>
    public Resident? Person { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadDraftAsync(id) is { } refused) return refused;
        await Audit.SaveAsync(DraftEntry(AuditActions.DraftViewed, "review"));
        IsComplete = Draft.IsComplete(Procedure);
        if (CurrentVisit.ResidentId is { } residentId)
            Person = await Db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == residentId);
        return Page();
    }

    /// <summary>The value of <paramref name="key"/> in <paramref name="culture"/>, or null when nothing was entered.</summary>
    public string? ValueOf(FieldDefinition field, string key, string culture) => field.Type switch
    {
        FieldType.Address => FilingTexts.Address(Draft.Answers, key) is { Length: > 0 } address ? address : null,
        _ => Draft.Answers.TryGetValue(key, out var value) ? FilingTexts.Display(field, value, culture) : null,
    };

    /// <summary>Whether a value reads differently in the resident's language (a choice), so it is shown twice.</summary>
    public static bool IsTranslated(FieldDefinition field) => field.Type is FieldType.Select or FieldType.YesNo;
}
