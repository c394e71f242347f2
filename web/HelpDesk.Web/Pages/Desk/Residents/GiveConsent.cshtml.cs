using HelpDesk.Domain;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Desk.Residents;

/// <summary>
/// The resident consents before anything beyond the identity lookup is entered: the binding
/// Vietnamese text beside its explanation in the resident's language, each purpose chosen on its
/// own, a duration, and a drawn signature — or, for someone who cannot write, a thumbprint photo
/// witnessed by a second volunteer on shift at the same point.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class GiveConsent(
    HelpDeskDbContext db, DeskService desk, ConsentTexts texts, ProcedureCatalog catalog, AuditLog audit, IStringLocalizer<Strings> text)
    : ResidentPage(db, desk)
{
    private const string PngDataUrl = "data:image/png;base64,";

    public ConsentText Text { get; } = texts.Current;
    public string PointName { get; private set; } = "";
    public string WardName { get; private set; } = "";
    /// <summary>The resident's language, shown beside the Vietnamese as its explanation.</summary>
    public string Explanation => Served!.PreferredLanguage;
    public bool Bilingual => Explanation != Cultures.Vietnamese;
    /// <summary>Procedures a volunteer may file for someone else.</summary>
    public IReadOnlyList<ProcedureDefinition> Procedures { get; } = catalog.All.Where(p => p.Proxy.Allowed).ToList();
    /// <summary>Other volunteers on shift at this point now, who can witness a thumbprint.</summary>
    public IReadOnlyList<(string Id, string Name)> Witnesses { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty] public List<string> Purposes { get; set; } = [];
    [BindProperty] public List<string> ProcedureCodes { get; set; } = [];
    [BindProperty] public string? Duration { get; set; }
    [BindProperty] public ConsentMethod? Method { get; set; }
    /// <summary>The drawn signature as a PNG data URL (set by signature.js).</summary>
    [BindProperty] public string? Signature { get; set; }
    [BindProperty] public IFormFile? Thumbprint { get; set; }
    [BindProperty] public string? WitnessId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid visitId)
    {
        if (await LoadAsync(visitId) is { } refused) return refused;
        Duration = Text.Durations.FirstOrDefault(d => d.Days >= 180)?.Id ?? Text.Durations[0].Id;
        Method = ConsentMethod.DrawnSignature;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid visitId)
    {
        if (await LoadAsync(visitId) is { } refused) return refused;
        var evidence = await EvidenceAsync();
        if (Method == ConsentMethod.Thumbprint && !string.IsNullOrEmpty(WitnessId) && Witnesses.All(w => w.Id != WitnessId))
            Refuse(nameof(WitnessId), ErrorCodes.ConsentWitnessNotOnShift);
        if (Method is null) Refuse(nameof(Method), ErrorCodes.FieldRequired);
        if (Method == ConsentMethod.ResidentPhone && Served!.AccountUserId is null)
            Refuse(nameof(Method), ErrorCodes.ConsentPhoneNoAccount);
        if (Errors.Count > 0) return Page();

        var procedures = ProcedureCodes.Select(code => catalog.FindByCode(code)).OfType<ProcedureDefinition>().Where(p => p.Proxy.Allowed).ToList();
        var choices = new ConsentChoices(Purposes, procedures.Select(p => p.Name).ToList(), Duration ?? "", PointName, WardName);
        var request = new ConsentRequest(Served!.Id, CurrentVisit.PointId, User.UserId(), WitnessId, Method!.Value,
            choices, Purposes.Contains(ConsentPurpose.FileProcedure) ? procedures.Select(p => p.Code).ToList() : [], Explanation, evidence);
        try
        {
            var (consent, proof) = Consent.Give(request, Text, Desk.Now);
            Db.Consents.Add(consent);
            if (proof is not null) Db.ConsentEvidence.Add(proof);
            await audit.SaveAsync(new AuditEntry(AuditActions.ConsentGiven, User.UserId(), Served.Id, $"consent:{consent.Id}", CurrentVisit.PointId, consent.Method.ToString()));
            return RedirectToPage("ConsentReceipt", new { visitId, consentId = consent.Id });
        }
        catch (DomainException refusal)
        {
            Refuse(FieldOf(refusal.Code), refusal.Code);
            return Page();
        }
    }

    /// <summary>The signature or the photo, as bytes; the domain checks what they contain.</summary>
    private async Task<byte[]> EvidenceAsync()
    {
        if (Method == ConsentMethod.DrawnSignature)
        {
            if (Signature?.StartsWith(PngDataUrl, StringComparison.Ordinal) != true) return [];
            try { return Convert.FromBase64String(Signature[PngDataUrl.Length..]); }
            catch (FormatException) { return []; }
        }
        if (Method == ConsentMethod.Thumbprint && Thumbprint is { Length: > 0 })
        {
            if (Thumbprint.Length > Consent.MaxThumbprintBytes) return new byte[Consent.MaxThumbprintBytes + 1];
            using var buffer = new MemoryStream();
            await Thumbprint.CopyToAsync(buffer);
            return buffer.ToArray();
        }
        return [];
    }

    private async Task<IActionResult?> LoadAsync(Guid visitId)
    {
        if (await LoadServedAsync(visitId) is { } refused) return refused;
        var point = await Db.ServicePoints.SingleAsync(p => p.Id == CurrentVisit.PointId);
        PointName = point.Name;
        WardName = await Db.Wards.Where(w => w.Id == point.WardId).Select(w => w.Name).SingleAsync();
        var shifts = await Db.Shifts.Where(s => s.PointId == point.Id && s.CheckedOutAt == null && s.VolunteerId != User.UserId()).ToListAsync();
        var onShift = shifts.Where(s => s.IsOpenAt(Desk.Now)).Select(s => s.VolunteerId).ToList();
        Witnesses = (await Db.Users.Where(u => onShift.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync())
            .Select(u => (u.Id, u.DisplayName)).OrderBy(u => u.DisplayName).ToList();
        return null;
    }

    /// <summary>The form field a refusal belongs next to.</summary>
    private static string FieldOf(string code) => code switch
    {
        ErrorCodes.ConsentNoPurpose => nameof(Purposes),
        ErrorCodes.ConsentNoProcedure => nameof(ProcedureCodes),
        ErrorCodes.ConsentSignatureMissing => nameof(Signature),
        ErrorCodes.ConsentPhotoNotImage or ErrorCodes.ConsentPhotoTooLarge => nameof(Thumbprint),
        ErrorCodes.ConsentWitnessRequired or ErrorCodes.ConsentWitnessNotOnShift => nameof(WitnessId),
        _ => nameof(Method),
    };

    private void Refuse(string field, string code) => Errors.TryAdd(field, text["Error_" + code]);
}
