using HelpDesk.Domain.Accounts;

namespace HelpDesk.Domain.Tests.Accounts;

public sealed class RolesInvitable
{
    [Theory]
    [InlineData(Roles.Coordinator, true)]
    [InlineData(Roles.WardStaff, true)]
    [InlineData(Roles.Leader, true)]
    [InlineData(Roles.Volunteer, true)]
    [InlineData(Roles.Resident, false)]
    [InlineData("Administrator", false)]
    public void Only_staff_roles_are_handed_out_by_invitation(string role, bool invitable) =>
        Assert.Equal(invitable, Roles.IsInvitable(role));
}
