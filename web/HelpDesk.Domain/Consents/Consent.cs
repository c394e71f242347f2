using System.Security.Cryptography;
using HelpDesk.Domain.Documents;

namespace HelpDesk.Domain.Consents;

/// <summary>The purposes a resident chooses one by one (content/consent texts name each).</summary>
public static class ConsentPurpose
{
    public const string CreateAccount = "create-account";
    public const string FileProcedure = "file-procedure";
    public const string KeepScans = "keep-scans";
    public const string Notify = "notify";
    public const string ShareWithWard = "share-with-ward";

    public static readonly IReadOnlyList<string> All = [CreateAccount, FileProcedure, KeepScans, Notify, ShareWithWard];
}

/// <summary>How the resident expressed consent.</summary>
public enum ConsentMethod
{
    /// <summary>A signature drawn on the desk screen.</summary>
    DrawnSignature,
    /// <summary>For a resident who cannot write: a photo of their thumbprint, with a second volunteer as witness.</summary>
    Thumbprint,
    /// <summary>The resident confirms on their own phone, signed in to their own account.</summary>
    ResidentPhone,
}

/// <summary>What a volunteer is about to do with a resident's data; each needs a consent covering it.</summary>
public enum ResidentAction
{
    /// <summary>See or correct the resident's details (any valid consent).</summary>
    HandleDetails,
    CreateAccount,
    /// <summary>Start, fill, review and submit a dossier of one procedure.</summary>
    FileProcedure,
    KeepScans,
    Notify,
}

public enum ConsentStatus { Valid, Expired, Withdrawn, Pending }

/// <summary>
/// A resident's consent, given to a service point and the volunteer serving them, for the purposes
/// chosen and for a time. It records the exact text shown (version and hash of the binding
/// Vietnamese text), how it was given, and the evidence; withdrawal takes effect at once.
/// </summary>
public sealed class Consent
{
    public const int MaxSignatureBytes = 300 * 1024;
    public const int MaxThumbprintBytes = 6 * 1024 * 1024;

    private List<string> _scopes = [];

    private Consent() { }

    public Guid Id { get; private set; }
    public Guid ResidentId { get; private set; }
    public Guid PointId { get; private set; }
    /// <summary>The volunteer who took the consent at the desk.</summary>
    public string VolunteerId { get; private set; } = "";
    /// <summary>The second volunteer who saw a thumbprint given.</summary>
    public string? WitnessId { get; private set; }
    public ConsentMethod Method { get; private set; }
    public string TextVersion { get; private set; } = "";
    /// <summary>SHA-256 of the binding Vietnamese text as shown, choices filled in (<see cref="ConsentText.HashOf"/>).</summary>
    public string TextHash { get; private set; } = "";
    /// <summary>The language shown beside the Vietnamese as its explanation.</summary>
    public string ExplanationLanguage { get; private set; } = Cultures.Vietnamese;
    /// <summary>
    /// What was agreed: purpose ids, and for filing one "file-procedure:{code}" per procedure.
    /// </summary>
    public IReadOnlyList<string> Scopes => _scopes;
    public string DurationId { get; private set; } = "";
    public DateTimeOffset GivenAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    /// <summary>Printed in the receipt's QR: shows whether the consent stands, and nothing personal.</summary>
    public string VerificationCode { get; private set; } = "";
    /// <summary>When the resident confirmed on their own phone (<see cref="ConsentMethod.ResidentPhone"/> only).</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public string? ConfirmedByUserId { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnByUserId { get; private set; }

    /// <summary>
    /// Records a consent and its evidence (kept apart: it is large and read only when someone asks to
    /// see it), or refuses with the first rule broken (an <see cref="ErrorCodes"/> code).
    /// </summary>
    public static (Consent Consent, ConsentEvidence? Evidence) Give(ConsentRequest request, ConsentText text, DateTimeOffset now)
    {
        var purposes = request.Choices.Purposes.Distinct().ToList();
        if (purposes.Count == 0) throw new DomainException(ErrorCodes.ConsentNoPurpose);
        if (purposes.Any(p => !ConsentPurpose.All.Contains(p))) throw new DomainException(ErrorCodes.FieldChoice);
        var procedures = request.ProcedureCodes.Distinct().ToList();
        if (purposes.Contains(ConsentPurpose.FileProcedure) != (procedures.Count > 0)) throw new DomainException(ErrorCodes.ConsentNoProcedure);
        var duration = text.Duration(request.Choices.DurationId) ?? throw new DomainException(ErrorCodes.FieldChoice);
        if (!Cultures.All.Contains(request.ExplanationLanguage)) throw new DomainException(ErrorCodes.FieldChoice);

        var evidenceType = FileContent.Sniff(request.Evidence);
        switch (request.Method)
        {
            case ConsentMethod.DrawnSignature:
                if (evidenceType != FileContent.Png || request.Evidence.Length > MaxSignatureBytes) throw new DomainException(ErrorCodes.ConsentSignatureMissing);
                break;
            case ConsentMethod.Thumbprint:
                if (evidenceType is not (FileContent.Png or FileContent.Jpeg)) throw new DomainException(ErrorCodes.ConsentPhotoNotImage);
                if (request.Evidence.Length > MaxThumbprintBytes) throw new DomainException(ErrorCodes.ConsentPhotoTooLarge);
                if (string.IsNullOrEmpty(request.WitnessId) || request.WitnessId == request.VolunteerId) throw new DomainException(ErrorCodes.ConsentWitnessRequired);
                break;
            case ConsentMethod.ResidentPhone:
                break;
            default:
                throw new DomainException(ErrorCodes.FieldChoice);
        }
        var awaitsPhone = request.Method == ConsentMethod.ResidentPhone;

        var consent = new Consent
        {
            Id = Guid.NewGuid(),
            ResidentId = request.ResidentId,
            PointId = request.PointId,
            VolunteerId = request.VolunteerId,
            WitnessId = request.Method == ConsentMethod.Thumbprint ? request.WitnessId : null,
            Method = request.Method,
            TextVersion = text.Version,
            TextHash = text.HashOf(request.Choices),
            ExplanationLanguage = request.ExplanationLanguage,
            _scopes = [.. purposes.Where(p => p != ConsentPurpose.FileProcedure),
                       .. procedures.Select(code => $"{ConsentPurpose.FileProcedure}:{code}")],
            DurationId = duration.Id,
            GivenAt = now,
            // Asked on the resident's phone: nothing is allowed until they confirm, within the window.
            ExpiresAt = awaitsPhone ? now + PhoneConfirmationWindow : EndOf(duration, now),
            VerificationCode = NewVerificationCode(),
        };
        return (consent, awaitsPhone ? null : new ConsentEvidence(consent.Id, evidenceType!, request.Evidence));
    }

    /// <summary>How long a consent asked on the resident's phone waits for their confirmation.</summary>
    public static readonly TimeSpan PhoneConfirmationWindow = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The resident, signed in on their own phone, confirms the consent shown there: it is given now,
    /// for the duration chosen. Refused unless it awaits confirmation and belongs to that resident's account.
    /// </summary>
    public void ConfirmOnPhone(string residentUserId, ConsentText text, DateTimeOffset now)
    {
        if (StatusAt(now) != ConsentStatus.Pending) throw new DomainException(ErrorCodes.ConsentNotPending);
        var duration = text.Duration(DurationId) ?? throw new DomainException(ErrorCodes.FieldChoice);
        ConfirmedAt = now;
        ConfirmedByUserId = residentUserId;
        GivenAt = now;
        ExpiresAt = EndOf(duration, now);
    }

    private static DateTimeOffset EndOf(ConsentDuration duration, DateTimeOffset now) =>
        duration.Days == 0 ? VietnamTime.At(VietnamTime.Today(now).AddDays(1), TimeOnly.MinValue) : now.AddDays(duration.Days);

    public ConsentStatus StatusAt(DateTimeOffset now) =>
        WithdrawnAt is not null ? ConsentStatus.Withdrawn
        : now >= ExpiresAt ? ConsentStatus.Expired
        : Method == ConsentMethod.ResidentPhone && ConfirmedAt is null ? ConsentStatus.Pending
        : ConsentStatus.Valid;

    /// <summary>The purposes agreed, without the procedures (for display).</summary>
    public IReadOnlyList<string> Purposes =>
        [.. ConsentPurpose.All.Where(p => _scopes.Any(s => s == p || s.StartsWith(p + ":", StringComparison.Ordinal)))];

    /// <summary>The procedures the resident agreed to have filed for them.</summary>
    public IReadOnlyList<string> ProcedureCodes =>
        [.. _scopes.Where(s => s.StartsWith(ConsentPurpose.FileProcedure + ":", StringComparison.Ordinal)).Select(s => s[(ConsentPurpose.FileProcedure.Length + 1)..])];

    /// <summary>Whether this consent, now, lets a volunteer of <paramref name="pointId"/> do <paramref name="action"/>.</summary>
    public bool Covers(ResidentAction action, Guid pointId, DateTimeOffset now, string? procedureCode = null)
    {
        if (StatusAt(now) != ConsentStatus.Valid || pointId != PointId) return false;
        return action switch
        {
            ResidentAction.HandleDetails => true,
            ResidentAction.CreateAccount => _scopes.Contains(ConsentPurpose.CreateAccount),
            ResidentAction.FileProcedure => procedureCode is not null && _scopes.Contains($"{ConsentPurpose.FileProcedure}:{procedureCode}"),
            ResidentAction.KeepScans => _scopes.Contains(ConsentPurpose.KeepScans),
            ResidentAction.Notify => _scopes.Contains(ConsentPurpose.Notify),
            _ => false,
        };
    }

    /// <summary>Withdraws the consent at once; withdrawing twice keeps the first time.</summary>
    public void Withdraw(string userId, DateTimeOffset now)
    {
        if (WithdrawnAt is not null) return;
        WithdrawnAt = now;
        WithdrawnByUserId = userId;
    }

    /// <summary>16 Crockford base-32 symbols (80 random bits): unguessable, and short enough for a QR.</summary>
    private static string NewVerificationCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var bytes = RandomNumberGenerator.GetBytes(16);
        return new string(bytes.Select(b => alphabet[b % 32]).ToArray());
    }
}

/// <summary>The drawn signature (PNG) or the thumbprint photo of a consent; encrypted at rest, every view audited.</summary>
public sealed record ConsentEvidence(Guid ConsentId, string ContentType, byte[] Content);

/// <summary>Everything needed to record a consent at the desk.</summary>
public sealed record ConsentRequest(
    Guid ResidentId, Guid PointId, string VolunteerId, string? WitnessId, ConsentMethod Method,
    ConsentChoices Choices, IReadOnlyCollection<string> ProcedureCodes, string ExplanationLanguage, byte[] Evidence);
