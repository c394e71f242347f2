using System.Text.RegularExpressions;

namespace HelpDesk.Domain.Audit;

/// <summary>The records audit events point at: an event's subject is "kind:id" (resource key "AuditSubject_" + the kind in Pascal case).</summary>
public static class AuditSubjects
{
    public const string Consent = "consent";
    public const string Visit = "visit";
    public const string Draft = "draft";
    public const string Dossier = "dossier";
    public const string Scan = "scan";
    public const string User = "user";
    public const string Activation = "activation";
    public const string Ward = "ward";

    public static readonly IReadOnlyList<string> Kinds = [Consent, Visit, Draft, Dossier, Scan, User, Activation, Ward];

    /// <summary>The subject of an act on the ward as a whole (its audit log read), which has neither point nor resident.</summary>
    public static string OfWard(Guid ward) => $"{Ward}:{ward}";

    /// <summary>"dossier:3f2a…" → ("dossier", "3f2a…"); a subject without a kind is all id.</summary>
    public static (string Kind, string Id)? Parse(string? subject) =>
        subject is null ? null
        : subject.IndexOf(':') is > 0 and var colon ? (subject[..colon], subject[(colon + 1)..])
        : ("", subject);
}

/// <summary>How an event's detail is shown to auditors.</summary>
public static partial class AuditDetail
{
    public const string Mask = "•••";

    /// <summary>
    /// The detail holds codes and counts, never personal data; a run of nine or more digits (an ID or
    /// phone number put there by mistake) is masked all the same, as the page is no place to read one.
    /// </summary>
    public static string? Shown(string? detail) => detail is null ? null : LongNumber().Replace(detail, Mask);

    [GeneratedRegex(@"[0-9](?:[ .]?[0-9]){8,}")]
    private static partial Regex LongNumber();
}
