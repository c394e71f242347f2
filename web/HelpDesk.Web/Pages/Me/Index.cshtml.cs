using System.Text.Json;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Documents;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Documents;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages.Me;

/// <summary>
/// A signed-in resident's own page, in their language: what is held about them, their consents
/// (withdrawn here at once), the dossiers being prepared for them, and everything as a download.
/// </summary>
[Authorize(Roles = Roles.Resident)]
public sealed class Index(HelpDeskDbContext db, ProcedureCatalog catalog, ConsentDocuments documents, AuditLog audit, TimeProvider clock, ScanStore store) : PageModel
{
    /// <summary>Consents a volunteer asked for on this phone, with their text as it will be agreed.</summary>
    public IReadOnlyList<(Consent Consent, ConsentText Text, ConsentChoices Choices)> Awaiting { get; private set; } = [];
    public Resident Person { get; private set; } = null!;
    public IReadOnlyList<Consent> Consents { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> PointNames { get; private set; } = new Dictionary<Guid, string>();
    /// <summary>Drafts not submitted yet: being prepared at the desk.</summary>
    public IReadOnlyList<DossierDraft> Drafts { get; private set; } = [];
    /// <summary>The dossiers filed for the resident, newest first, with their history.</summary>
    public IReadOnlyList<Dossier> Dossiers { get; private set; } = [];
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public LocalizedText? ProcedureName(string code) => catalog.FindByCode(code)?.Name;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } missing) return missing;
        await audit.SaveAsync(new AuditEntry(AuditActions.ResidentViewed, User.UserId(), Person.Id, Detail: "self"));
        return Page();
    }

    /// <summary>The resident agrees, on their own phone, to the consent the volunteer asked for.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid consentId)
    {
        if (await LoadAsync() is { } missing) return missing;
        if (Awaiting.FirstOrDefault(a => a.Consent.Id == consentId) is not { Consent: { } consent, Text: { } text }) return NotFound();
        consent.ConfirmOnPhone(User.UserId(), text, clock.GetUtcNow());
        await audit.SaveAsync(new AuditEntry(AuditActions.ConsentGiven, User.UserId(), Person.Id, $"consent:{consent.Id}", consent.PointId, "phone"));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid consentId)
    {
        if (await LoadAsync() is { } missing) return missing;
        var consent = Consents.SingleOrDefault(c => c.Id == consentId);
        if (consent is null) return NotFound();
        if (consent.WithdrawnAt is null)
        {
            consent.Withdraw(User.UserId(), clock.GetUtcNow());
            await audit.SaveAsync(new AuditEntry(AuditActions.ConsentWithdrawn, User.UserId(), Person.Id, $"consent:{consent.Id}", consent.PointId, "account"));
        }
        return RedirectToPage();
    }

    /// <summary>Everything held about the resident, as one JSON file: the right to a copy of one's data.</summary>
    public async Task<IActionResult> OnGetDownloadAsync()
    {
        if (await LoadAsync() is { } missing) return missing;
        var evidence = await db.ConsentEvidence.Where(e => Consents.Select(c => c.Id).Contains(e.ConsentId)).ToDictionaryAsync(e => e.ConsentId);
        var events = await db.AuditEvents.Where(e => e.ResidentId == Person.Id).OrderBy(e => e.Sequence).ToListAsync();
        var names = await db.Users.Where(u => events.Select(e => e.UserId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var draftIds = Drafts.Select(d => d.Id).Concat(Dossiers.Select(d => d.DraftId)).ToList();
        var scans = new List<(ScannedPage Page, byte[] Content)>();
        foreach (var page in await db.ScannedPages.AsNoTracking().Where(p => draftIds.Contains(p.DraftId)).OrderBy(p => p.DocumentId).ThenBy(p => p.Number).ToListAsync())
            scans.Add((page, await store.ReadAsync(page.Id)));
        // Copies of the papers too: the right of access covers them (Law 91/2025).
        IEnumerable<object> Papers(Guid draftId) => scans.Where(p => p.Page.DraftId == draftId).Select(p => new
        {
            document = p.Page.DocumentId, p.Page.Number, p.Page.MediaType, p.Page.AddedAt, base64 = Convert.ToBase64String(p.Content),
        });
        var export = new
        {
            exportedAt = clock.GetUtcNow(),
            person = new
            {
                Person.FullName, Person.ChineseName, Person.DateOfBirth, sex = Person.Sex.ToString(), Person.PersonalIdNumber, Person.Phone, Person.Email,
                Person.Street, Person.WardName, Person.Province, Person.LegacyAddress, Person.PreferredLanguage, Person.LargeText, Person.ReadAloud,
                registeredAt = Person.CreatedAt,
            },
            consents = Consents.Select(c => new
            {
                c.Id, point = PointNames.GetValueOrDefault(c.PointId), c.Purposes, c.ProcedureCodes, c.GivenAt, c.ExpiresAt, c.WithdrawnAt,
                method = c.Method.ToString(), c.TextVersion, c.TextHash,
                evidence = evidence.TryGetValue(c.Id, out var e) ? new { e.ContentType, base64 = Convert.ToBase64String(e.Content) } : null,
            }),
            dossiers = Dossiers.Select(d => new
            {
                d.Number, procedure = d.ProcedureCode, status = d.Status.ToString(), d.SubmittedAt, d.ReceivedAt, d.DueDate, d.ReturnedAt,
                answers = d.Answers,
                history = d.Transitions.Select(t => new { from = t.From?.ToString(), to = t.To.ToString(), t.At, t.Reason, t.DueDate }),
                papers = Papers(d.DraftId),
            }),
            dossiersInPreparation = Drafts.Select(d => new
            {
                procedure = d.ProcedureCode, d.CreatedAt, d.UpdatedAt, answers = d.Answers,
                papers = Papers(d.Id),
            }),
            whoSawOrChangedMyData = events.Select(e => new { e.At, e.Action, by = names.GetValueOrDefault(e.UserId) ?? e.UserId, e.Detail }),
        };
        await audit.SaveAsync(new AuditEntry(AuditActions.ResidentExported, User.UserId(), Person.Id));
        var json = JsonSerializer.SerializeToUtf8Bytes(export, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return File(json, "application/json", "helpdesk-my-data.json");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var userId = User.UserId();
        var person = await db.Residents.SingleOrDefaultAsync(r => r.AccountUserId == userId);
        if (person is null) return NotFound();
        Person = person;
        Consents = (await db.Consents.Where(c => c.ResidentId == person.Id).ToListAsync()).OrderByDescending(c => c.GivenAt).ToList();
        var pointIds = Consents.Select(c => c.PointId).Distinct().ToList();
        PointNames = await db.ServicePoints.Where(p => pointIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name);
        var awaiting = new List<(Consent, ConsentText, ConsentChoices)>();
        foreach (var consent in Consents.Where(c => c.StatusAt(Now) == ConsentStatus.Pending))
            if (await documents.OfAsync(consent) is var (text, choices)) awaiting.Add((consent, text, choices));
        Awaiting = awaiting;
        Drafts = await db.DossierDrafts.Where(d => d.DossierId == null && db.Visits.Any(v => v.Id == d.VisitId && v.ResidentId == person.Id)).ToListAsync();
        Dossiers = (await db.Dossiers.AsNoTracking().Include(d => d.Transitions).Where(d => d.ResidentId == person.Id).ToListAsync())
            .OrderByDescending(d => d.SubmittedAt).ToList();
        return null;
    }
}
