using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Pages.Desk.Residents;

/// <summary>
/// A consent of the visit's resident: the printable bilingual receipt (the text as agreed, the
/// evidence, a QR that verifies it), and withdrawal at the desk, which takes effect at once.
/// Consents given at any point of the ward can be seen and withdrawn here; every view is audited.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class ConsentReceipt(
    HelpDeskDbContext db, DeskService desk, ConsentDocuments documents, AuditLog audit, IOptions<HelpDeskOptions> options)
    : ResidentPage(db, desk)
{
    public Consent Record { get; private set; } = null!;
    public ConsentText Text { get; private set; } = null!;
    public ConsentChoices Choices { get; private set; } = null!;
    public ConsentStatus Status { get; private set; }
    public string Explanation => Record.ExplanationLanguage;
    public bool Bilingual => Explanation != Domain.Cultures.Vietnamese;
    public string VolunteerName { get; private set; } = "";
    public string? WitnessName { get; private set; }
    public string VerifyUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid visitId, Guid consentId)
    {
        if (await LoadAsync(visitId, consentId) is { } refused) return refused;
        await audit.SaveAsync(new AuditEntry(AuditActions.ConsentViewed, User.UserId(), Served!.Id, $"consent:{Record.Id}", CurrentVisit.PointId));
        return Page();
    }

    /// <summary>The signature or thumbprint image; a view of sensitive data, so audited on its own.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid visitId, Guid consentId)
    {
        if (await LoadAsync(visitId, consentId) is { } refused) return refused;
        var evidence = await Db.ConsentEvidence.SingleOrDefaultAsync(e => e.ConsentId == consentId);
        if (evidence is null) return NotFound();
        await audit.SaveAsync(new AuditEntry(AuditActions.ConsentViewed, User.UserId(), Served!.Id, $"consent:{Record.Id}", CurrentVisit.PointId, "evidence"));
        return File(evidence.Content, evidence.ContentType);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid visitId, Guid consentId)
    {
        if (await LoadAsync(visitId, consentId) is { } refused) return refused;
        if (Record.WithdrawnAt is null)
        {
            Record.Withdraw(User.UserId(), Desk.Now);
            await audit.SaveAsync(new AuditEntry(AuditActions.ConsentWithdrawn, User.UserId(), Served!.Id, $"consent:{Record.Id}", CurrentVisit.PointId, "desk"));
        }
        return RedirectToPage(new { visitId, consentId });
    }

    private async Task<IActionResult?> LoadAsync(Guid visitId, Guid consentId)
    {
        if (await LoadServedAsync(visitId) is { } refused) return refused;
        var wardPoints = Db.ServicePoints.Where(p => p.WardId == WardId).Select(p => p.Id);
        var consent = await Db.Consents.SingleOrDefaultAsync(c => c.Id == consentId && c.ResidentId == Served!.Id && wardPoints.Contains(c.PointId));
        if (consent is null || await documents.OfAsync(consent) is not var (text, choices)) return NotFound();
        Record = consent;
        Text = text;
        Choices = choices;
        Status = consent.StatusAt(Desk.Now);
        var people = await Db.Users.Where(u => u.Id == consent.VolunteerId || u.Id == consent.WitnessId)
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        VolunteerName = people.GetValueOrDefault(consent.VolunteerId) ?? "";
        WitnessName = consent.WitnessId is null ? null : people.GetValueOrDefault(consent.WitnessId);
        VerifyUrl = $"{options.Value.PublicBaseFor(Request)}/c/{consent.VerificationCode}";
        return null;
    }

    public static string Time(DateTimeOffset instant) => Domain.VietnamTime.ToLocal(instant).ToString("dd/MM/yyyy HH:mm");
}
