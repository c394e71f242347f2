using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Dossiers;
using static HelpDesk.Domain.Tests.Dossiers.DossierBuilder;

namespace HelpDesk.Domain.Tests.Dossiers;

/// <summary>The transition table is the spec: every row works for its roles and only for them; nothing else works.</summary>
public sealed class DossierLifecycleTable
{
    /// <summary>Every row but the submission (which creates the dossier), as its index in the table.</summary>
    private static IEnumerable<int> RowIndexes =>
        DossierLifecycle.Moves.Select((move, index) => (move, index)).Where(r => r.move.From is not null).Select(r => r.index);

    public static TheoryData<int> Rows => [.. RowIndexes];

    public static TheoryData<int, string> RowsAndRoles
    {
        get
        {
            var data = new TheoryData<int, string>();
            foreach (var index in RowIndexes)
                foreach (var role in Roles.All) data.Add(index, role);
            return data;
        }
    }

    public static TheoryData<DossierStatus, DossierStatus> PairsNotInTheTable
    {
        get
        {
            var data = new TheoryData<DossierStatus, DossierStatus>();
            foreach (var from in Enum.GetValues<DossierStatus>())
                foreach (var to in Enum.GetValues<DossierStatus>())
                    if (!DossierLifecycle.Moves.Any(m => m.From == from && m.To == to)) data.Add(from, to);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RowsAndRoles))]
    public void Each_row_is_allowed_for_its_roles_and_refused_for_the_others(int index, string role)
    {
        var move = DossierLifecycle.Moves[index];
        var dossier = InStatus(move.From!.Value);
        var before = dossier.Transitions.Count;

        if (move.Allows(role))
        {
            Act(dossier, move.Intent, role);
            Assert.Equal(move.To, dossier.Status);
            Assert.Equal(before + 1, dossier.Transitions.Count);
            var transition = dossier.Transitions[^1];
            Assert.Equal((move.From, move.To, OfficerId, role, Monday.AddHours(1)), (transition.From, transition.To, transition.By, transition.Role, transition.At));
            Assert.Equal(move.ReasonRequired ? Reason : null, transition.Reason);
        }
        else
        {
            Assert.Equal(ErrorCodes.DossierRoleNotAllowed, Refused(() => Act(dossier, move.Intent, role)));
            Assert.Equal(move.From, dossier.Status);
            Assert.Equal(before, dossier.Transitions.Count);
        }
    }

    [Theory]
    [MemberData(nameof(PairsNotInTheTable))]
    public void A_move_between_statuses_not_paired_in_the_table_is_refused(DossierStatus from, DossierStatus to)
    {
        var intents = DossierLifecycle.Moves.Where(m => m.To == to && m.From is not null).Select(m => m.Intent).Distinct().ToList();
        foreach (var intent in intents)
        {
            var dossier = InStatus(from);
            var role = DossierLifecycle.Moves.First(m => m.Intent == intent).Roles[0];
            if (DossierLifecycle.Find(from, intent) is { } elsewhere)
            {
                // An extension stays where it is: from InProcessing it does not lead to Received.
                Act(dossier, intent, role);
                Assert.Equal(elsewhere.To, dossier.Status);
                Assert.NotEqual(to, dossier.Status);
                continue;
            }
            Assert.Equal(ErrorCodes.DossierMoveNotAllowed, Refused(() => Act(dossier, intent, role)));
            Assert.Equal(from, dossier.Status);
        }
        // No method leads to a status that only the submission of a draft creates.
        if (intents.Count == 0) Assert.Equal(DossierStatus.Submitted, to);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_row_that_needs_a_reason_is_refused_without_one(int index)
    {
        var move = DossierLifecycle.Moves[index];
        if (!move.ReasonRequired) return;
        foreach (var blank in new[] { null, "", "   " })
        {
            var dossier = InStatus(move.From!.Value);
            Assert.Equal(ErrorCodes.DossierReasonRequired, Refused(() => Act(dossier, move.Intent, move.Roles[0], blank)));
            Assert.Equal(move.From, dossier.Status);
        }
    }

    [Fact]
    public void The_table_reads_as_the_design_says()
    {
        string[] staff = [Roles.WardStaff, Roles.Leader];
        string[] deskOrStaff = [Roles.Volunteer, Roles.WardStaff, Roles.Leader];
        var expected = new (DossierStatus?, DossierStatus, DossierIntent, string[], bool)[]
        {
            (null, DossierStatus.Submitted, DossierIntent.Submit, [Roles.Volunteer, Roles.WardStaff], false),
            (DossierStatus.Submitted, DossierStatus.Received, DossierIntent.Receive, staff, false),
            (DossierStatus.Resubmitted, DossierStatus.Received, DossierIntent.Receive, staff, false),
            (DossierStatus.Submitted, DossierStatus.NotAccepted, DossierIntent.RefuseToAccept, staff, true),
            (DossierStatus.Resubmitted, DossierStatus.NotAccepted, DossierIntent.RefuseToAccept, staff, true),
            (DossierStatus.Received, DossierStatus.InProcessing, DossierIntent.StartProcessing, staff, false),
            (DossierStatus.Received, DossierStatus.NeedsSupplement, DossierIntent.RequestSupplement, staff, true),
            (DossierStatus.InProcessing, DossierStatus.NeedsSupplement, DossierIntent.RequestSupplement, staff, true),
            (DossierStatus.NeedsSupplement, DossierStatus.Resubmitted, DossierIntent.Resubmit, deskOrStaff, false),
            (DossierStatus.Received, DossierStatus.Received, DossierIntent.Extend, staff, true),
            (DossierStatus.InProcessing, DossierStatus.InProcessing, DossierIntent.Extend, staff, true),
            (DossierStatus.InProcessing, DossierStatus.ResultReady, DossierIntent.MarkResultReady, staff, false),
            (DossierStatus.ResultReady, DossierStatus.Returned, DossierIntent.Return, staff, false),
            (DossierStatus.InProcessing, DossierStatus.Rejected, DossierIntent.Reject, staff, true),
            (DossierStatus.Submitted, DossierStatus.Withdrawn, DossierIntent.Withdraw, deskOrStaff, true),
            (DossierStatus.Received, DossierStatus.Withdrawn, DossierIntent.Withdraw, deskOrStaff, true),
            (DossierStatus.InProcessing, DossierStatus.Withdrawn, DossierIntent.Withdraw, deskOrStaff, true),
            (DossierStatus.NeedsSupplement, DossierStatus.Withdrawn, DossierIntent.Withdraw, deskOrStaff, true),
            (DossierStatus.Resubmitted, DossierStatus.Withdrawn, DossierIntent.Withdraw, deskOrStaff, true),
        };
        var actual = DossierLifecycle.Moves.Select(m => (m.From, m.To, m.Intent, string.Join(",", m.Roles), m.ReasonRequired)).ToList();
        Assert.Equal(expected.Select(e => (e.Item1, e.Item2, e.Item3, string.Join(",", e.Item4), e.Item5)), actual);
    }

    [Fact]
    public void Each_pair_of_statuses_has_one_row_at_most_and_each_intent_but_extend_one_target()
    {
        Assert.All(DossierLifecycle.Moves.GroupBy(m => (m.From, m.To)), g => Assert.Single(g));
        Assert.All(DossierLifecycle.Moves.Where(m => m.Intent != DossierIntent.Extend).GroupBy(m => m.Intent), g => Assert.Single(g.Select(m => m.To).Distinct()));
        Assert.All(DossierLifecycle.Moves.Where(m => m.Intent == DossierIntent.Extend), m => Assert.Equal(m.From, m.To));
    }

    [Fact]
    public void Every_status_is_reached_and_the_final_ones_are_those_no_row_leaves()
    {
        Assert.Equal(Enum.GetValues<DossierStatus>().Order(), DossierLifecycle.Moves.Select(m => m.To).Distinct().Order());
        Assert.Equal(
            [DossierStatus.NotAccepted, DossierStatus.Returned, DossierStatus.Rejected, DossierStatus.Withdrawn],
            Enum.GetValues<DossierStatus>().Where(DossierLifecycle.IsFinal).Order());
    }

    [Fact]
    public void The_moves_offered_to_a_role_are_the_rows_from_the_current_status()
    {
        var dossier = InStatus(DossierStatus.Submitted);
        Assert.Equal([DossierIntent.Receive, DossierIntent.RefuseToAccept, DossierIntent.Withdraw], dossier.MovesFor(Roles.WardStaff).Select(m => m.Intent));
        Assert.Equal([DossierIntent.Withdraw], dossier.MovesFor(Roles.Volunteer).Select(m => m.Intent));
        Assert.Empty(dossier.MovesFor(Roles.Resident));
        Assert.Empty(InStatus(DossierStatus.Returned).MovesFor(Roles.Leader));
    }

    [Fact]
    public void The_intent_of_a_pair_is_read_from_the_table()
    {
        Assert.Equal(DossierIntent.Submit, DossierLifecycle.IntentOf(null, DossierStatus.Submitted));
        Assert.Equal(DossierIntent.Extend, DossierLifecycle.IntentOf(DossierStatus.InProcessing, DossierStatus.InProcessing));
        Assert.Equal(DossierIntent.Receive, DossierLifecycle.IntentOf(DossierStatus.Resubmitted, DossierStatus.Received));
    }
}
