using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.People;
using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Residents;

/// <summary>
/// The resident's own account, created at the desk with the resident present. It has no password:
/// the resident (or a relative) puts a passkey on it from their own phone with an activation.
/// </summary>
public sealed class ResidentAccounts(HelpDeskDbContext db, UserManager<ApplicationUser> users, TimeProvider clock)
{
    /// <summary>Creates the account if the resident has none; returns its user id and whether it was created now.</summary>
    public async Task<(string UserId, bool Created)> EnsureAccountAsync(Resident resident)
    {
        if (resident.AccountUserId is { } existing) return (existing, false);
        var user = new ApplicationUser
        {
            // Residents never type a user name: they sign in with a passkey. This one is only unique.
            UserName = "resident-" + Guid.NewGuid().ToString("N")[..12],
            DisplayName = resident.FullName,
            WardId = resident.WardId,
            PreferredCulture = resident.PreferredLanguage,
            CreatedAt = clock.GetUtcNow(),
        };
        Require(await users.CreateAsync(user));
        Require(await users.AddToRoleAsync(user, Roles.Resident));
        resident.LinkAccount(user.Id);
        return (user.Id, true);
    }

    /// <summary>Issues a new activation for the resident's account; earlier unused ones stop working. Added, not saved.</summary>
    public async Task<(ResidentActivation Activation, string Secret, string Code)> IssueActivationAsync(Resident resident, string issuedBy)
    {
        var now = clock.GetUtcNow();
        var earlier = await db.ResidentActivations.Where(a => a.ResidentId == resident.Id && a.UsedAt == null && a.RevokedAt == null).ToListAsync();
        foreach (var activation in earlier) activation.Revoke(now);
        var issued = ResidentActivation.Issue(resident.Id, resident.AccountUserId!, issuedBy, now);
        db.ResidentActivations.Add(issued.Activation);
        return issued;
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
