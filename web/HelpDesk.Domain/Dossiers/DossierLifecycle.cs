using HelpDesk.Domain.Accounts;
using static HelpDesk.Domain.Dossiers.DossierIntent;
using static HelpDesk.Domain.Dossiers.DossierStatus;

namespace HelpDesk.Domain.Dossiers;

/// <summary>
/// One row of the lifecycle: from <see cref="From"/> (null: the draft being submitted), the intent
/// leads to <see cref="To"/>, for the roles listed, with or without a written reason.
/// </summary>
public sealed record DossierMove(DossierStatus? From, DossierStatus To, DossierIntent Intent, IReadOnlyList<string> Roles, bool ReasonRequired)
{
    public bool Allows(string role) => Roles.Contains(role);
}

/// <summary>
/// The dossier lifecycle as a table: every legal move, who may make it, and whether it needs a
/// reason. Anything not listed is refused. <see cref="Dossier"/>'s methods check their move here.
/// </summary>
public static class DossierLifecycle
{
    /// <summary>Those who file at a desk (HelpDeskClaims.DeskRoles).</summary>
    private static readonly string[] Desk = [Roles.Volunteer, Roles.WardStaff];
    /// <summary>Ward officers and leaders: they receive, process and decide.</summary>
    private static readonly string[] Staff = [Roles.WardStaff, Roles.Leader];
    /// <summary>Acts done at the resident's request, at the desk or at the ward.</summary>
    private static readonly string[] DeskOrStaff = [Roles.Volunteer, Roles.WardStaff, Roles.Leader];

    public static readonly IReadOnlyList<DossierMove> Moves =
    [
        //  from              to               intent              who          reason
        new(null,             Submitted,       Submit,             Desk,        false),
        new(Submitted,        Received,        Receive,            Staff,       false),
        new(Resubmitted,      Received,        Receive,            Staff,       false),
        new(Submitted,        NotAccepted,     RefuseToAccept,     Staff,       true),
        new(Resubmitted,      NotAccepted,     RefuseToAccept,     Staff,       true),
        new(Received,         InProcessing,    StartProcessing,    Staff,       false),
        new(Received,         NeedsSupplement, RequestSupplement,  Staff,       true),
        new(InProcessing,     NeedsSupplement, RequestSupplement,  Staff,       true),
        new(NeedsSupplement,  Resubmitted,     Resubmit,           DeskOrStaff, false),
        new(Received,         Received,        Extend,             Staff,       true),
        new(InProcessing,     InProcessing,    Extend,             Staff,       true),
        new(InProcessing,     ResultReady,     MarkResultReady,    Staff,       false),
        new(ResultReady,      Returned,        Return,             Staff,       false),
        new(InProcessing,     Rejected,        Reject,             Staff,       true),
        new(Submitted,        Withdrawn,       Withdraw,           DeskOrStaff, true),
        new(Received,         Withdrawn,       Withdraw,           DeskOrStaff, true),
        new(InProcessing,     Withdrawn,       Withdraw,           DeskOrStaff, true),
        new(NeedsSupplement,  Withdrawn,       Withdraw,           DeskOrStaff, true),
        new(Resubmitted,      Withdrawn,       Withdraw,           DeskOrStaff, true),
    ];

    /// <summary>The row for <paramref name="intent"/> from <paramref name="from"/>, or null when the move is not allowed.</summary>
    public static DossierMove? Find(DossierStatus? from, DossierIntent intent) =>
        Moves.FirstOrDefault(m => m.From == from && m.Intent == intent);

    /// <summary>The moves that leave <paramref name="from"/>, for any role.</summary>
    public static IEnumerable<DossierMove> From(DossierStatus from) => Moves.Where(m => m.From == from);

    /// <summary>A status no move leaves: returned, not accepted, rejected or withdrawn.</summary>
    public static bool IsFinal(DossierStatus status) => !From(status).Any();

    /// <summary>The statuses no move leaves, for queries.</summary>
    public static IReadOnlyList<DossierStatus> FinalStatuses { get; } = Enum.GetValues<DossierStatus>().Where(IsFinal).ToList();

    /// <summary>The intent of the row from <paramref name="from"/> to <paramref name="to"/> (each pair has one row at most).</summary>
    public static DossierIntent IntentOf(DossierStatus? from, DossierStatus to) =>
        Moves.Single(m => m.From == from && m.To == to).Intent;
}
