using System.ComponentModel.DataAnnotations;
using HelpDesk.Web.Data;
using HelpDesk.Web.Qr;
using HelpDesk.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Account;

/// <summary>
/// The fallback for PCs where no passkey can be used: a password that only works together with
/// a code from an authenticator app. Both are set at once, so a password never stands alone.
/// </summary>
[Authorize]
public sealed class Authenticator(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, HelpDeskDbContext db, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty] public FallbackInput Input { get; set; } = new();
    public string QrDataUri { get; private set; } = "";
    public string FormattedKey { get; private set; } = "";
    public bool Enabled { get; private set; }

    public sealed class FallbackInput
    {
        [Required, StringLength(128, MinimumLength = 10), Display(Name = "Field_NewPassword")]
        public string Password { get; set; } = "";
        [Required, Compare(nameof(Password)), Display(Name = "Field_ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
        [Required, RegularExpression(@"^\s*\d{6}\s*$"), Display(Name = "Field_AuthenticatorCode")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await ShowKeyAsync(await CurrentUserAsync());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CurrentUserAsync();
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Input.Code.Trim()))
            ModelState.AddModelError("Input.Code", text["Authenticator_CodeInvalid"]);
        if (ModelState.IsValid)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (await users.HasPasswordAsync(user)) AddErrors(await users.RemovePasswordAsync(user));
            if (ModelState.IsValid) AddErrors(await users.AddPasswordAsync(user, Input.Password));
            if (ModelState.IsValid) AddErrors(await users.SetTwoFactorEnabledAsync(user, true));
            if (ModelState.IsValid)
            {
                await transaction.CommitAsync();
                await signIn.RefreshSignInAsync(user);
                return RedirectToPage("Security");
            }
        }
        Input = new FallbackInput();
        await ShowKeyAsync(user);
        return Page();
    }

    private async Task ShowKeyAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user); // the reset changed the security stamp
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var label = Uri.EscapeDataString("HelpDesk:" + (user.UserName ?? user.Id));
        QrDataUri = QrImage.SvgDataUri($"otpauth://totp/{label}?secret={key}&issuer=HelpDesk&digits=6");
    }

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", error.Description);
    }

    private async Task<ApplicationUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
}
