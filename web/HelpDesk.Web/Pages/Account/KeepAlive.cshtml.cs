using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDesk.Web.Pages.Account;

/// <summary>"Stay signed in": any signed-in request renews the sliding cookie; this one does nothing else.</summary>
[Authorize]
public sealed class KeepAlive(Microsoft.AspNetCore.Identity.SignInManager<Data.ApplicationUser> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        // Sliding expiration only renews after half the period; refresh explicitly so the full idle time restarts.
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null) return Unauthorized();
        await signIn.RefreshSignInAsync(user);
        return new NoContentResult();
    }
}
