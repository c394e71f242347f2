using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Pages.Desk.Residents;

/// <summary>
/// The resident's own account, created with them at the desk (their consent must cover it). An
/// activation is shown as a QR for the resident's phone and as a printable slip with a short code
/// for a relative; the secret and code appear only in this one response and are never stored. When the
/// resident's phone is lost or replaced, its passkeys are removed here, so only a new activation gets in.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class Account(
    HelpDeskDbContext db, DeskService desk, ResidentAccess access, ResidentAccounts accounts, AuditLog audit,
    UserManager<ApplicationUser> users, IOptions<HelpDeskOptions> options) : ResidentPage(db, desk)
{
    public bool HasAccount => Served!.AccountUserId is not null;
    public int PasskeyCount { get; private set; }
    /// <summary>The latest activation still usable, if any (its code cannot be shown again).</summary>
    public ResidentActivation? Pending { get; private set; }
    /// <summary>Set only in the response that issued it.</summary>
    public string? ActivationUrl { get; private set; }
    public string? Code { get; private set; }
    public ResidentActivation? Issued { get; private set; }
    public string PublicBase { get; private set; } = "";
    public string Second => Served!.PreferredLanguage;
    /// <summary>Passkeys just removed (phone lost or replaced); null when none were.</summary>
    public int? PasskeysRemoved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid visitId) => await LoadAsync(visitId) ?? Page();

    public async Task<IActionResult> OnPostIssueAsync(Guid visitId)
    {
        if (await LoadAsync(visitId) is { } refused) return refused;
        await using var transaction = await Db.Database.BeginTransactionAsync();
        var (userId, created) = await accounts.EnsureAccountAsync(Served!);
        var (activation, secret, code) = await accounts.IssueActivationAsync(Served!, User.UserId());
        var entries = new List<AuditEntry>();
        if (created) entries.Add(new(AuditActions.AccountCreated, User.UserId(), Served!.Id, $"user:{userId}", CurrentVisit.PointId));
        entries.Add(new(AuditActions.ActivationIssued, User.UserId(), Served!.Id, $"activation:{activation.Id}", CurrentVisit.PointId));
        await audit.SaveAsync([.. entries]);
        await transaction.CommitAsync();

        Issued = activation;
        Code = ResidentActivation.Grouped(code);
        ActivationUrl = $"{PublicBase}/activate/{secret}?culture={Second}";
        await LoadAccountAsync();
        return Page();
    }

    /// <summary>
    /// The phone was lost or replaced: every passkey of the account goes, and the new security stamp ends the
    /// sessions it had open (within a minute, IdentitySetup). The resident gets in again with a new activation.
    /// </summary>
    public async Task<IActionResult> OnPostRemovePasskeysAsync(Guid visitId)
    {
        if (await LoadAsync(visitId) is { } refused) return refused;
        if (Served!.AccountUserId is not { } userId || await users.FindByIdAsync(userId) is not { } user) return Page();
        await using var transaction = await Db.Database.BeginTransactionAsync();
        var passkeys = await users.GetPasskeysAsync(user);
        foreach (var passkey in passkeys) Require(await users.RemovePasskeyAsync(user, passkey.CredentialId));
        Require(await users.UpdateSecurityStampAsync(user));
        await audit.SaveAsync(new AuditEntry(AuditActions.AccountPasskeysRemoved, User.UserId(), Served.Id, $"user:{userId}", CurrentVisit.PointId,
            passkeys.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await transaction.CommitAsync();
        PasskeysRemoved = passkeys.Count;
        await LoadAccountAsync();
        return Page();
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
    }

    private async Task<IActionResult?> LoadAsync(Guid visitId)
    {
        if (await LoadServedAsync(visitId) is { } refused) return refused;
        if (await access.ConsentForAsync(User.UserId(), CurrentVisit, ResidentAction.CreateAccount) is null)
        {
            TempData[Pages.Desk.CurrentVisit.MessageKeyName] = "Consent_NeededForAccount";
            return BackToVisit();
        }
        PublicBase = options.Value.PublicBaseFor(Request);
        await LoadAccountAsync();
        return null;
    }

    private async Task LoadAccountAsync()
    {
        if (Served!.AccountUserId is not { } userId) return;
        var user = await users.FindByIdAsync(userId);
        PasskeyCount = user is null ? 0 : (await users.GetPasskeysAsync(user)).Count;
        var now = Desk.Now;
        Pending = (await Db.ResidentActivations.Where(a => a.ResidentId == Served.Id && a.UsedAt == null && a.RevokedAt == null).ToListAsync())
            .Where(a => a.ExpiresAt > now).OrderByDescending(a => a.IssuedAt).FirstOrDefault();
    }
}
