using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDesk.Web.Pages.Account;

/// <summary>
/// Everyone's own sign-in methods: list, add, rename and remove passkeys; the password fallback. Ward officers
/// also give here the e-mail address their due-date reminders go to.
/// </summary>
[Authorize]
public sealed class Security(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Welcome { get; set; }
    [BindProperty] public string? CredentialJson { get; set; }
    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];
    public bool HasAuthenticator { get; private set; }
    public string? MessageKey { get; private set; }
    public bool MessageIsError { get; private set; }
    /// <summary>The address reminder e-mails go to (ward staff and leaders only).</summary>
    [BindProperty] public string? Email { get; set; }
    public bool GetsReminders => User.IsInRole(Domain.Accounts.Roles.WardStaff) || User.IsInRole(Domain.Accounts.Roles.Leader);

    /// <summary>A passkey as the page shows it; the id is the credential id in base64url.</summary>
    public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);

    public async Task<IActionResult> OnGetAsync() => await ShowAsync(null);

    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var user = await CurrentUserAsync();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id,
            Name = user.UserName ?? user.Id,
            DisplayName = user.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync()
    {
        var user = await CurrentUserAsync();
        var attestation = await PasskeyAttestation.VerifyAsync(signIn, CredentialJson);
        if (attestation is not { Succeeded: true } || attestation.UserEntity.Id != user.Id)
            return await ShowAsync("Passkey_Failed", isError: true);
        var result = await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey);
        return await ShowAsync(result.Succeeded ? "Security_PasskeyAdded" : "Passkey_Failed", isError: !result.Succeeded);
    }

    /// <summary>Sets (or, empty, removes) the officer's address for reminder e-mails.</summary>
    public async Task<IActionResult> OnPostEmailAsync()
    {
        if (!GetsReminders) return NotFound();
        var user = await CurrentUserAsync();
        var typed = Email?.Trim();
        if (!string.IsNullOrEmpty(typed) && !System.Net.Mail.MailAddress.TryCreate(typed, out _))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ShowAsync("Security_EmailInvalid", isError: true, keepTyped: true);
        }
        var result = await users.SetEmailAsync(user, string.IsNullOrEmpty(typed) ? null : typed);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        return await ShowAsync(string.IsNullOrEmpty(typed) ? "Security_EmailRemoved" : "Security_EmailSaved");
    }

    public async Task<IActionResult> OnPostRenameAsync(string credentialId, string? name)
    {
        var user = await CurrentUserAsync();
        var passkey = await FindPasskeyAsync(user, credentialId);
        if (passkey is null) return NotFound();
        passkey.Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim()[..Math.Min(100, name.Trim().Length)];
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        return await ShowAsync("Security_PasskeyRenamed");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string credentialId)
    {
        var user = await CurrentUserAsync();
        var passkey = await FindPasskeyAsync(user, credentialId);
        if (passkey is null) return NotFound();
        // Never leave an account without a way in.
        var others = (await users.GetPasskeysAsync(user)).Count - 1;
        if (others == 0 && !await users.GetTwoFactorEnabledAsync(user))
            return await ShowAsync("Security_CannotRemoveLast", isError: true);
        await users.RemovePasskeyAsync(user, passkey.CredentialId);
        return await ShowAsync("Security_PasskeyRemoved");
    }

    private async Task<IActionResult> ShowAsync(string? messageKey, bool isError = false, bool keepTyped = false)
    {
        var user = await CurrentUserAsync();
        if (!keepTyped) Email = user.Email;
        MessageKey = messageKey;
        MessageIsError = isError;
        Passkeys = (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(Base64Url(p.CredentialId), p.Name ?? "", p.CreatedAt))
            .ToList();
        HasAuthenticator = await users.GetTwoFactorEnabledAsync(user);
        return Page();
    }

    private async Task<ApplicationUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");

    private async Task<UserPasskeyInfo?> FindPasskeyAsync(ApplicationUser user, string credentialId)
    {
        try { return await users.GetPasskeyAsync(user, FromBase64Url(credentialId)); }
        catch (FormatException) { return null; }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }
}
