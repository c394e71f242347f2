using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDesk.Web.Pages.Account;

/// <summary>
/// Signs out and clears the session. Antiforgery is not required: the idle timer posts here
/// after the session may already have expired, and signing someone out is harmless.
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class SignOut(SignInManager<ApplicationUser> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync(string? reason)
    {
        await signIn.SignOutAsync();
        return RedirectToPage("SignIn", new { reason = reason == "idle" ? "idle" : null });
    }

    public IActionResult OnGet() => RedirectToPage("/Index");
}
