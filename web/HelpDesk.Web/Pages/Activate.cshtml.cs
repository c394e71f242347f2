using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Security;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Pages.Account;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages;

/// <summary>
/// Public: a resident (or a relative) activates the account made at the desk, on their own phone —
/// from the QR (the secret is in the link) or by typing the slip's short code — by creating a
/// passkey. Single use; attempts are rate-limited per address.
/// </summary>
[AllowAnonymous, EnableRateLimiting(SecuritySetup.PublicCodes)]
public sealed class Activate(
    HelpDeskDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
    AuditLog audit, IDataProtectionProvider protection, TimeProvider clock) : PageModel
{
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(30);

    [FromRoute] public string? Secret { get; set; }
    [BindProperty] public string? Code { get; set; }
    /// <summary>The activation found, protected and time-limited, carried to the passkey step.</summary>
    [BindProperty] public string? Pending { get; set; }
    [BindProperty] public string? CredentialJson { get; set; }

    /// <summary>The name on the account, to greet the person activating it.</summary>
    public string? DisplayName { get; private set; }
    public string? ErrorKey { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrEmpty(Secret)) return Page();
        var hash = OneTimeSecret.Hash(Secret);
        await ContinueWithAsync(await db.ResidentActivations.SingleOrDefaultAsync(a => a.SecretHash == hash));
        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync()
    {
        var code = ResidentActivation.NormalizeCode(Code);
        var hash = code is null ? null : OneTimeSecret.Hash(code);
        var found = hash is null ? [] : await db.ResidentActivations.Where(a => a.CodeHash == hash).ToListAsync();
        // Two live activations with the same code are astronomically unlikely; the newest wins.
        await ContinueWithAsync(found.OrderByDescending(a => a.IssuedAt).FirstOrDefault());
        return Page();
    }

    /// <summary>Options for navigator.credentials.create() for the account being activated.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        if (await PendingActivationAsync() is not { } activation || await users.FindByIdAsync(activation.UserId) is not { } user) return BadRequest();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = user.UserName!, DisplayName = user.DisplayName });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        if (await PendingActivationAsync() is not { } activation || await users.FindByIdAsync(activation.UserId) is not { } user)
        {
            ErrorKey ??= "Activate_StartAgain";
            return Page();
        }
        DisplayName = user.DisplayName;
        var attestation = await PasskeyAttestation.VerifyAsync(signIn, CredentialJson);
        if (attestation is not { Succeeded: true } || attestation.UserEntity.Id != user.Id)
        {
            ErrorKey = "Passkey_Failed";
            return Page();
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var added = await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey);
            if (!added.Succeeded) throw new InvalidOperationException(string.Join("; ", added.Errors.Select(e => e.Code)));
            activation.Use(clock.GetUtcNow());
            await audit.SaveAsync(new AuditEntry(AuditActions.AccountActivated, user.Id, activation.ResidentId, $"activation:{activation.Id}"));
            await transaction.CommitAsync();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        // From now on the resident's pages speak the language they chose at the desk.
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(user.PreferredCulture)), LocalizationSetup.CultureCookieOptions());
        return RedirectToPage("/Me/Index");
    }

    /// <summary>Moves on to the passkey step when the activation can be used, or says why not.</summary>
    private async Task ContinueWithAsync(ResidentActivation? activation)
    {
        var reason = activation is null ? ErrorCodes.InvitationNotFound : activation.UnusableReason(clock.GetUtcNow());
        if (reason is not null)
        {
            ErrorKey = reason == ErrorCodes.InvitationNotFound ? "Activate_Unknown" : "Error_" + reason;
            return;
        }
        DisplayName = (await users.FindByIdAsync(activation!.UserId))?.DisplayName;
        Pending = Protector.Protect(activation.Id.ToString(), PendingLifetime);
    }

    private async Task<ResidentActivation?> PendingActivationAsync()
    {
        if (string.IsNullOrEmpty(Pending)) return null;
        Guid id;
        try { id = Guid.Parse(Protector.Unprotect(Pending, out _)); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        var activation = await db.ResidentActivations.SingleOrDefaultAsync(a => a.Id == id);
        if (activation?.UnusableReason(clock.GetUtcNow()) is { } reason)
        {
            ErrorKey = "Error_" + reason;
            return null;
        }
        return activation;
    }

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("HelpDesk.Activate.Pending").ToTimeLimitedDataProtector();
}
