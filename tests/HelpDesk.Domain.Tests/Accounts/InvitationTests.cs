using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Security;

namespace HelpDesk.Domain.Tests.Accounts;

public sealed class InvitationIssue
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 18, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Keeps_only_a_hash_of_the_secret_it_returns()
    {
        var (invitation, secret) = Invitation.Issue(Roles.Volunteer, Guid.NewGuid(), "coordinator-1", "Lâm Gia Huy", Now, TimeSpan.FromHours(72));
        Assert.NotEqual(secret, invitation.SecretHash);
        Assert.Equal(OneTimeSecret.Hash(secret), invitation.SecretHash);
        Assert.Equal(Now.AddHours(72), invitation.ExpiresAt);
    }

    [Fact]
    public void Refuses_the_resident_role()
    {
        var error = Assert.Throws<DomainException>(() => Invitation.Issue(Roles.Resident, null, "c", null, Now, TimeSpan.FromHours(1)));
        Assert.Equal(ErrorCodes.RoleNotInvitable, error.Code);
    }

    [Fact]
    public void The_first_coordinator_setup_is_a_coordinator_invitation_nobody_issued()
    {
        var (setup, _) = Invitation.IssueFirstCoordinatorSetup(Now);
        Assert.True(setup.IsFirstCoordinatorSetup);
        Assert.Equal(Roles.Coordinator, setup.Role);
        Assert.Equal(Now + Invitation.SetupLifetime, setup.ExpiresAt);
    }

    [Fact]
    public void A_coordinator_invited_by_another_is_not_the_first_coordinator()
    {
        var (invitation, _) = Invitation.Issue(Roles.Coordinator, Guid.NewGuid(), "coordinator-1", null, Now, TimeSpan.FromHours(1));
        Assert.False(invitation.IsFirstCoordinatorSetup);
    }
}

public sealed class InvitationAccept
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 18, 0, 0, TimeSpan.FromHours(7));

    private static Invitation Fresh() => Invitation.Issue(Roles.WardStaff, Guid.NewGuid(), "c", null, Now, TimeSpan.FromHours(72)).Invitation;

    [Fact]
    public void Records_who_accepted_and_when()
    {
        var invitation = Fresh();
        invitation.Accept("user-1", Now.AddHours(1));
        Assert.Equal("user-1", invitation.AcceptedByUserId);
        Assert.Equal(Now.AddHours(1), invitation.AcceptedAt);
    }

    [Fact]
    public void Is_refused_a_second_time()
    {
        var invitation = Fresh();
        invitation.Accept("user-1", Now);
        Assert.Equal(ErrorCodes.InvitationUsed, Assert.Throws<DomainException>(() => invitation.Accept("user-2", Now)).Code);
    }

    [Fact]
    public void Is_refused_at_the_moment_it_expires()
    {
        var invitation = Fresh();
        Assert.Null(invitation.UnusableReason(Now.AddHours(72).AddTicks(-1)));
        Assert.Equal(ErrorCodes.InvitationExpired, Assert.Throws<DomainException>(() => invitation.Accept("u", Now.AddHours(72))).Code);
    }

    [Fact]
    public void Is_refused_after_revocation()
    {
        var invitation = Fresh();
        invitation.Revoke(Now);
        Assert.Equal(ErrorCodes.InvitationRevoked, invitation.UnusableReason(Now));
    }

    [Fact]
    public void An_accepted_invitation_cannot_be_revoked()
    {
        var invitation = Fresh();
        invitation.Accept("u", Now);
        Assert.Throws<DomainException>(() => invitation.Revoke(Now));
    }
}
