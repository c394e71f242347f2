using System.Security.Claims;
using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Setup;

/// <summary>Puts the person's ward in their sign-in ticket, so every page can scope its queries without a lookup.</summary>
public sealed class HelpDeskClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string WardClaim = "hd:ward";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.WardId is { } ward) identity.AddClaim(new Claim(WardClaim, ward.ToString()));
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    /// <summary>The signed-in person's ward; staff without one see nothing ward-scoped.</summary>
    public static Guid? WardId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(HelpDeskClaimsFactory.WardClaim), out var ward) ? ward : null;
}

/// <summary>Who may do what, by role; pages name these instead of repeating role lists.</summary>
public static class Policies
{
    /// <summary>People who staff a desk: volunteers and ward officers taking turns.</summary>
    public const string DeskRoles = $"{Domain.Accounts.Roles.Volunteer},{Domain.Accounts.Roles.WardStaff}";
}
