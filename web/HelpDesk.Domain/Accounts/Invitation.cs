using HelpDesk.Domain.Security;

namespace HelpDesk.Domain.Accounts;

/// <summary>
/// A single-use, expiring link that lets one person create their own account with a given role.
/// The first coordinator's setup link is an invitation nobody issued.
/// Only a hash of the secret is kept, so a database leak yields no usable link.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(72);
    public static readonly TimeSpan SetupLifetime = TimeSpan.FromHours(24);

    private Invitation() { }

    public Guid Id { get; private set; }
    public string SecretHash { get; private set; } = "";
    public string Role { get; private set; } = "";
    public Guid? WardId { get; private set; }
    public string? InvitedByUserId { get; private set; }
    /// <summary>The name the coordinator typed, to greet the invitee; they may correct it.</summary>
    public string? DisplayNameHint { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? AcceptedByUserId { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsFirstCoordinatorSetup => InvitedByUserId is null && Role == Roles.Coordinator;

    /// <summary>Creates an invitation and returns the secret to put in the link; it is not stored.</summary>
    public static (Invitation Invitation, string Secret) Issue(
        string role, Guid? wardId, string? invitedByUserId, string? displayNameHint, DateTimeOffset now, TimeSpan lifetime)
    {
        if (!Roles.IsInvitable(role)) throw new DomainException(ErrorCodes.RoleNotInvitable);
        if (lifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lifetime));
        var secret = OneTimeSecret.Create();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            SecretHash = OneTimeSecret.Hash(secret),
            Role = role,
            WardId = wardId,
            InvitedByUserId = invitedByUserId,
            DisplayNameHint = string.IsNullOrWhiteSpace(displayNameHint) ? null : displayNameHint.Trim(),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (invitation, secret);
    }

    public static (Invitation Invitation, string Secret) IssueFirstCoordinatorSetup(DateTimeOffset now) =>
        Issue(Roles.Coordinator, wardId: null, invitedByUserId: null, displayNameHint: null, now, SetupLifetime);

    /// <summary>Why this invitation cannot be used now, or null when it can.</summary>
    public string? UnusableReason(DateTimeOffset now) =>
        AcceptedAt is not null ? ErrorCodes.InvitationUsed
        : RevokedAt is not null ? ErrorCodes.InvitationRevoked
        : now >= ExpiresAt ? ErrorCodes.InvitationExpired
        : null;

    public void Accept(string userId, DateTimeOffset now)
    {
        if (UnusableReason(now) is { } reason) throw new DomainException(reason);
        AcceptedAt = now;
        AcceptedByUserId = userId;
    }

    public void Revoke(DateTimeOffset now)
    {
        if (AcceptedAt is not null) throw new DomainException(ErrorCodes.InvitationUsed);
        RevokedAt ??= now;
    }
}
