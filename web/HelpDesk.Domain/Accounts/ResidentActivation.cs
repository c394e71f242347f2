using System.Security.Cryptography;
using HelpDesk.Domain.Security;

namespace HelpDesk.Domain.Accounts;

/// <summary>
/// Lets a resident (or a relative helping them) put a passkey on the resident's account from
/// their own phone: by scanning the QR on the desk screen or on the printed activation slip, or
/// by typing the slip's short code. Single use; expires after 7 days; only hashes are kept.
/// </summary>
public sealed class ResidentActivation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    /// <summary>Crockford base 32: no I, L, O or U, so nothing reads as another symbol.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int CodeLength = 8;

    private ResidentActivation() { }

    public Guid Id { get; private set; }
    public Guid ResidentId { get; private set; }
    public string UserId { get; private set; } = "";
    public string SecretHash { get; private set; } = "";
    public string CodeHash { get; private set; } = "";
    public string IssuedByUserId { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Issues an activation; returns the link secret and the short code, which are not stored.</summary>
    public static (ResidentActivation Activation, string Secret, string Code) Issue(Guid residentId, string userId, string issuedBy, DateTimeOffset now)
    {
        var secret = OneTimeSecret.Create();
        var code = new string(RandomNumberGenerator.GetBytes(CodeLength).Select(b => Alphabet[b % 32]).ToArray());
        var activation = new ResidentActivation
        {
            Id = Guid.NewGuid(),
            ResidentId = residentId,
            UserId = userId,
            SecretHash = OneTimeSecret.Hash(secret),
            CodeHash = OneTimeSecret.Hash(code),
            IssuedByUserId = issuedBy,
            IssuedAt = now,
            ExpiresAt = now + Lifetime,
        };
        return (activation, secret, code);
    }

    /// <summary>"K7M29QXD" → "K7M2-9QXD": easier to read out and to type.</summary>
    public static string Grouped(string code) => code.Length == CodeLength ? $"{code[..4]}-{code[4..]}" : code;

    /// <summary>
    /// A typed code as issued: upper case, without spaces or hyphens, with the letters people
    /// confuse read as the digits they stand for (O → 0, I and L → 1). Null when it cannot be one.
    /// </summary>
    public static string? NormalizeCode(string? typed)
    {
        if (typed is null) return null;
        var code = new string(typed.ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-')
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray());
        return code.Length == CodeLength && code.All(Alphabet.Contains) ? code : null;
    }

    /// <summary>Why this activation cannot be used now, or null when it can.</summary>
    public string? UnusableReason(DateTimeOffset now) =>
        UsedAt is not null ? ErrorCodes.InvitationUsed
        : RevokedAt is not null ? ErrorCodes.InvitationRevoked
        : now >= ExpiresAt ? ErrorCodes.InvitationExpired
        : null;

    public void Use(DateTimeOffset now)
    {
        if (UnusableReason(now) is { } reason) throw new DomainException(reason);
        UsedAt = now;
    }

    /// <summary>A newer activation replaces this one (or the volunteer cancels it).</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (UsedAt is null) RevokedAt ??= now;
    }
}
