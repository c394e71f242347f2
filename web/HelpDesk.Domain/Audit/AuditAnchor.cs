namespace HelpDesk.Domain.Audit;

/// <summary>
/// An entry of the audit chain as noted outside the database — written in the ward's paper register at the end
/// of a day: its number and the start of its hash. The chain alone shows rows changed or removed in the middle;
/// only a note kept elsewhere shows that its latest entries were cut off, or the whole chain rebuilt.
/// </summary>
public sealed record AuditAnchor(long Sequence, string Fingerprint)
{
    /// <summary>Hex digits of the hash noted: 48 bits, short enough to copy by hand, far too many to forge by chance.</summary>
    public const int FingerprintLength = 12;

    /// <summary>The anchor of an event: its number and its hash's first digits, grouped by four ("3F2A-91C0-7B1E").</summary>
    public static AuditAnchor Of(long sequence, string hash) => new(sequence, Group(hash[..FingerprintLength].ToUpperInvariant()));

    /// <summary>Reads a noted anchor: the number, and the fingerprint typed with or without dashes or spaces, in any case.</summary>
    public static AuditAnchor? Parse(long? sequence, string? fingerprint)
    {
        var digits = new string((fingerprint ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        if (sequence is not > 0 || digits.Length != FingerprintLength || !digits.All(Uri.IsHexDigit)) return null;
        return new AuditAnchor(sequence.Value, Group(digits));
    }

    /// <summary>Whether <paramref name="hash"/> (of the event numbered <see cref="Sequence"/>) is the one noted.</summary>
    public bool Matches(string hash) => Of(Sequence, hash).Fingerprint == Fingerprint;

    private static string Group(string digits) => string.Join('-', digits.Chunk(4).Select(c => new string(c)));
}

/// <summary>What a check against a noted <see cref="AuditAnchor"/> found.</summary>
public enum AnchorCheck
{
    /// <summary>The entry noted is in the chain, unchanged, and so is everything before it.</summary>
    Confirmed,
    /// <summary>The chain ends before the entry noted: entries were cut off.</summary>
    Missing,
    /// <summary>The entry noted is there but its hash is not the one noted: the chain was rebuilt.</summary>
    Differs,
    /// <summary>The chain is broken before the entry noted; the break says more than the note can.</summary>
    BrokenBefore,
}
