using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelpDesk.Domain.Audit;

/// <summary>What happened, in the words the audit pages show (resource key "AuditAction_" + the action in Pascal case, e.g. "AuditAction_ResidentIdRevealed").</summary>
public static class AuditActions
{
    public const string ResidentSearched = "resident.searched";
    public const string ResidentRegistered = "resident.registered";
    public const string ResidentServed = "resident.served";
    public const string ResidentViewed = "resident.viewed";
    public const string ResidentUpdated = "resident.updated";
    public const string ResidentIdRevealed = "resident.id-revealed";
    public const string ConsentGiven = "consent.given";
    public const string ConsentViewed = "consent.viewed";
    public const string ConsentWithdrawn = "consent.withdrawn";
    public const string DraftStarted = "draft.started";
    public const string DraftViewed = "draft.viewed";
    public const string DraftSaved = "draft.saved";
    public const string AccessRefused = "access.refused";
    public const string AccountCreated = "account.created";
    public const string ActivationIssued = "account.activation-issued";
    public const string AccountActivated = "account.activated";
    /// <summary>At the desk, the passkeys of a resident's account were removed (phone lost or replaced); the detail is how many.</summary>
    public const string AccountPasskeysRemoved = "account.passkeys-removed";
    public const string ResidentExported = "resident.exported";
    public const string ScanAdded = "scan.added";
    public const string ScanViewed = "scan.viewed";
    public const string ScanRemoved = "scan.removed";
    public const string DossierSubmitted = "dossier.submitted";
    public const string DossierSlipViewed = "dossier.slip-viewed";
    /// <summary>A notice (supplement request, refusal, new date) was opened for printing; the detail is its kind.</summary>
    public const string DossierNoticeViewed = "dossier.notice-viewed";
    /// <summary>A ward officer opened the dossier with its answers (personal data).</summary>
    public const string DossierViewed = "dossier.viewed";
    /// <summary>A lifecycle move; the detail is the intent.</summary>
    public const string DossierMoved = "dossier.moved";
    public const string DossierAssigned = "dossier.assigned";
    /// <summary>A ward officer or leader opened their ward's audit log (or checked its chain).</summary>
    public const string AuditViewed = "audit.viewed";

    public static readonly IReadOnlyList<string> All =
    [
        ResidentSearched, ResidentRegistered, ResidentServed, ResidentViewed, ResidentUpdated, ResidentIdRevealed,
        ConsentGiven, ConsentViewed, ConsentWithdrawn, DraftStarted, DraftViewed, DraftSaved, AccessRefused,
        AccountCreated, ActivationIssued, AccountActivated, AccountPasskeysRemoved, ResidentExported, ScanAdded, ScanViewed, ScanRemoved,
        DossierSubmitted, DossierSlipViewed, DossierNoticeViewed, DossierViewed, DossierMoved, DossierAssigned, AuditViewed,
    ];
}

/// <summary>
/// One act to record: who did what, to which resident and which record. <see cref="Detail"/> is a
/// short code or number (a search kind, a count), never personal data.
/// </summary>
public sealed record AuditEntry(string Action, string UserId, Guid? ResidentId = null, string? Subject = null, Guid? PointId = null, string? Detail = null);

/// <summary>
/// An append-only record of a security-relevant act, viewing personal data included. Each event
/// carries the hash of the one before it, so a row changed or removed afterwards breaks the chain.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>The hash the first event chains onto.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private AuditEvent() { }

    /// <summary>1, 2, 3… without gaps: the chain's order.</summary>
    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserId { get; private set; } = "";
    public string Action { get; private set; } = "";
    public Guid? ResidentId { get; private set; }
    /// <summary>The record acted on, as "kind:id" (e.g. "consent:…").</summary>
    public string? Subject { get; private set; }
    public Guid? PointId { get; private set; }
    public string? Detail { get; private set; }
    public string PreviousHash { get; private set; } = Genesis;
    public string Hash { get; private set; } = "";

    /// <summary>The event after <paramref name="previous"/> (null for the first one).</summary>
    public static AuditEvent Next(AuditEvent? previous, AuditEntry entry, DateTimeOffset now)
    {
        var next = new AuditEvent
        {
            Sequence = (previous?.Sequence ?? 0) + 1,
            // Whole microseconds: PostgreSQL keeps no finer, and the hash must check out after a round trip.
            At = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero),
            UserId = entry.UserId,
            Action = entry.Action,
            ResidentId = entry.ResidentId,
            Subject = entry.Subject,
            PointId = entry.PointId,
            Detail = entry.Detail,
            PreviousHash = previous?.Hash ?? Genesis,
        };
        next.Hash = next.ComputeHash();
        return next;
    }

    /// <summary>Whether the stored hash still matches the event's content and the hash it chains onto.</summary>
    public bool IsIntactAfter(string previousHash) => PreviousHash == previousHash && Hash == ComputeHash();

    private string ComputeHash()
    {
        var content = string.Join('\u001F',
            PreviousHash, Sequence.ToString(CultureInfo.InvariantCulture), At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            UserId, Action, ResidentId?.ToString() ?? "", Subject ?? "", PointId?.ToString() ?? "", Detail ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
