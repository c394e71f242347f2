namespace HelpDesk.Domain.Accounts;

/// <summary>The roles people hold in HelpDesk, and who may invite whom.</summary>
public static class Roles
{
    public const string Coordinator = nameof(Coordinator);
    public const string WardStaff = nameof(WardStaff);
    public const string Leader = nameof(Leader);
    public const string Volunteer = nameof(Volunteer);
    public const string Resident = nameof(Resident);

    public static readonly IReadOnlyList<string> All = [Coordinator, WardStaff, Leader, Volunteer, Resident];

    /// <summary>Roles a coordinator hands out by invitation. Residents get accounts at the desk, not by invitation.</summary>
    public static readonly IReadOnlyList<string> Invitable = [Coordinator, WardStaff, Leader, Volunteer];

    public static bool IsInvitable(string role) => Invitable.Contains(role);
}
