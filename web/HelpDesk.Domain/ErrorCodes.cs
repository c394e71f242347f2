namespace HelpDesk.Domain;

/// <summary>
/// Codes the domain reports when it refuses something. Pages translate them through the
/// resource key "Error_{code}", so every code needs a text in every language.
/// </summary>
public static class ErrorCodes
{
    public const string RoleNotInvitable = nameof(RoleNotInvitable);
    public const string InvitationUsed = nameof(InvitationUsed);
    public const string InvitationRevoked = nameof(InvitationRevoked);
    public const string InvitationExpired = nameof(InvitationExpired);
    public const string InvitationNotFound = nameof(InvitationNotFound);

    public static readonly IReadOnlyList<string> All =
        [RoleNotInvitable, InvitationUsed, InvitationRevoked, InvitationExpired, InvitationNotFound];
}

/// <summary>A rule of the domain refused an action; <see cref="Code"/> says which.</summary>
public sealed class DomainException(string code) : Exception(code)
{
    public string Code { get; } = code;
}
