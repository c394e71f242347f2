using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Documents;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Data;
using HelpDesk.Web.Documents;
using HelpDesk.Web.Pages.Desk.Filing;
using HelpDesk.Web.Dossiers;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Staff.Dossiers;

/// <summary>
/// A dossier as the ward audits it: the resident, the answers, the papers, the consent it was filed
/// under and its whole history, with the moves the officer's role may make now and who is responsible.
/// Opening it is recorded (it shows personal data); another ward's dossier is "not found".
/// </summary>
[Authorize(Roles = $"{Roles.WardStaff},{Roles.Leader}")]
public sealed class DossierPage(DossierOffice office, HelpDeskDbContext db, Scans scans, ProcedureCatalog catalog, TimeProvider clock,
    IStringLocalizer<Strings> text) : PageModel
{
    public Dossier Record { get; private set; } = null!;
    public ProcedureDefinition Procedure { get; private set; } = null!;
    public Resident Applicant { get; private set; } = null!;
    public Consent FiledUnder { get; private set; } = null!;
    public string PointName { get; private set; } = "";
    public IReadOnlyList<ScannedPage> Pages { get; private set; } = [];
    public IReadOnlyList<Officer> Officers { get; private set; } = [];
    public IReadOnlyList<DossierMove> Moves { get; private set; } = [];
    /// <summary>Display names of everyone in the history, by user id.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public DateTimeOffset Now { get; private set; }
    /// <summary>Why the last move or assignment was refused (already localised).</summary>
    public string? Refusal { get; private set; }
    /// <summary>The move the refusal is about, to show the message beside its form.</summary>
    public DossierIntent? RefusedIntent { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await office.FindAsync(id, User) is not { } dossier) return NotFound();
        await LoadAsync(dossier);
        await office.RecordViewAsync(dossier, User.UserId());
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, DossierIntent intent, int version, string? reason, DateOnly? newDueDate, List<string>? documents)
    {
        if (await office.FindAsync(id, User) is not { } dossier) return NotFound();
        try
        {
            await office.MoveAsync(dossier, new MoveRequest(intent, version, reason, newDueDate, documents ?? []), User.UserId(), DossierOffice.OfficeRole(User));
            return RedirectToPage(new { id });
        }
        catch (DomainException refusal)
        {
            return await RefusedAsync(id, refusal, intent);
        }
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, int version, string officerId)
    {
        if (await office.FindAsync(id, User) is not { } dossier || DossierOffice.WardOf(User) is not { } ward) return NotFound();
        try
        {
            await office.AssignAsync(dossier, version, officerId, User.UserId(), DossierOffice.OfficeRole(User), ward);
            return RedirectToPage(new { id });
        }
        catch (DomainException refusal)
        {
            return await RefusedAsync(id, refusal, intent: null);
        }
    }

    /// <summary>Shows the dossier as it now stands (it may have changed meanwhile) with the refusal beside the form.</summary>
    private async Task<IActionResult> RefusedAsync(Guid id, DomainException refusal, DossierIntent? intent)
    {
        db.ChangeTracker.Clear();
        if (await office.FindAsync(id, User) is not { } current) return NotFound();
        Refusal = text["Error_" + refusal.Code];
        RefusedIntent = intent;
        await LoadAsync(current);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(Dossier dossier)
    {
        Record = dossier;
        Now = clock.GetUtcNow();
        Procedure = catalog.FindByCode(dossier.ProcedureCode)
            ?? throw new InvalidOperationException($"Procedure {dossier.ProcedureCode} is no longer in the catalog.");
        Applicant = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == dossier.ResidentId);
        FiledUnder = await db.Consents.AsNoTracking().SingleAsync(c => c.Id == dossier.ConsentId);
        PointName = await db.ServicePoints.Where(p => p.Id == dossier.PointId).Select(p => p.Name).SingleAsync();
        Pages = await scans.OfDraftAsync(dossier.DraftId);
        Officers = await office.OfficersAsync(DossierOffice.WardOf(User)!.Value);
        Moves = dossier.MovesFor(DossierOffice.OfficeRole(User));
        var people = dossier.Transitions.Select(t => t.By).Append(dossier.FiledBy).Append(FiledUnder.VolunteerId)
            .Concat(FiledUnder.WitnessId is { } witness ? [witness] : []).Distinct().ToList();
        Names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
    }

    public string NameOf(string? userId) => userId is null ? "—" : Names.GetValueOrDefault(userId) ?? Officers.FirstOrDefault(o => o.Id == userId)?.DisplayName ?? "—";

    public RequiredDocument? Document(string id) => Procedure.Documents.FirstOrDefault(d => d.Id == id);

    /// <summary>An answer as the Vietnamese form shows it (ID numbers masked), or null when not given.</summary>
    public string? Answer(FieldDefinition field, string key) => FilingTexts.Answer(Record.Answers, field, key, Cultures.Vietnamese);
}
