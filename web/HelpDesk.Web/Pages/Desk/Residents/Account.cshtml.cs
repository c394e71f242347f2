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
/// for a relative; the secret and code appear only in this one response and are never stored.
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
