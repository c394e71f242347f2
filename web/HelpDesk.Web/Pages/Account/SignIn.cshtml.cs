using System.ComponentModel.DataAnnotations;
using HelpDesk.Web.Data;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Pages.Account;

/// <summary>Sign in with a passkey, or with a password followed by an authenticator code.</summary>
[AllowAnonymous]
public sealed class SignIn(SignInManager<ApplicationUser> signIn, IOptions<HelpDeskOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }
    [BindProperty] public string? CredentialJson { get; set; }
    [BindProperty] public PasswordInput Input { get; set; } = new();
    public string? ErrorKey { get; private set; }

    public sealed class PasswordInput
    {
        [Required, Display(Name = "Field_UserName")] public string UserName { get; set; } = "";
        [Required, Display(Name = "Field_Password")] public string Password { get; set; } = "";
    }

    public void OnGet() { }

    /// <summary>Options for navigator.credentials.get(); no user is named, the passkey says who it is.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(user: null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        ModelState.Clear();
        if (string.IsNullOrEmpty(CredentialJson)) return Failed("SignIn_PasskeyFailed");
        Microsoft.AspNetCore.Identity.SignInResult result;
        try { result = await signIn.PasskeySignInAsync(CredentialJson); }
        // Thrown when the 5-minute challenge cookie is gone (fixed in .NET 11): ask for a new try.
        catch (InvalidOperationException) { return Failed("SignIn_PasskeyFailed"); }
        if (result.IsLockedOut) return Failed("SignIn_LockedOut");
        return result.Succeeded ? LocalRedirect(SafeReturnUrl) : Failed("SignIn_PasskeyFailed");
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return RedirectToPage("SignInCode", new { ReturnUrl });
        if (result.IsLockedOut) return Failed("SignIn_LockedOut");
        if (result.Succeeded)
        {
            // A password alone is not enough, except for training accounts in demo mode.
            if (options.Value.Demo.Enabled) return LocalRedirect(SafeReturnUrl);
            await signIn.SignOutAsync();
            return Failed("SignIn_PasswordNeedsAuthenticator");
        }
        return Failed("SignIn_InvalidPassword");
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/";

    private PageResult Failed(string errorKey)
    {
        ErrorKey = errorKey;
        Input.Password = "";
        return Page();
    }
}
