using System.ComponentModel.DataAnnotations;
using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDesk.Web.Pages.Account;

/// <summary>Second step of the password fallback: the code from the authenticator app.</summary>
[AllowAnonymous]
public sealed class SignInCode(SignInManager<ApplicationUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty, Required, RegularExpression(@"^\s*\d{6}\s*$"), Display(Name = "Field_AuthenticatorCode")]
    public string Code { get; set; } = "";
    public string? ErrorKey { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("SignIn");
        if (!ModelState.IsValid) return Page();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code.Trim(), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/");
        ErrorKey = result.IsLockedOut ? "SignIn_LockedOut" : "SignInCode_Invalid";
        Code = "";
        return Page();
    }
}
