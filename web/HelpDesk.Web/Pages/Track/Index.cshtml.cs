using HelpDesk.Domain.Dossiers;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HelpDesk.Web.Pages.Track;

/// <summary>
/// Public, printed on every slip (<c>/t</c>, must not move): type the lookup code to follow a dossier.
/// A code with a typo is caught here, before any lookup; a well-formed one goes to <c>/t/{code}</c>.
/// Its form carries no anti-forgery token: posting a code changes nothing, and a token would set a cookie on
/// <c>/t/{code}</c> (which shows the form for unknown codes) and keep that answer out of the output cache.
/// </summary>
[AllowAnonymous, EnableRateLimiting(SecuritySetup.PublicCodes), IgnoreAntiforgeryToken]
public sealed class Lookup : PageModel
{
    /// <summary>What was typed, kept in the box when it is refused.</summary>
    [BindProperty] public string? Code { get; set; }
    /// <summary>The text key of the refusal, if any.</summary>
    public string? ErrorKey { get; private set; }

    public void OnGet() { }

    public IActionResult OnPost()
    {
        var check = TrackingCode.Parse(Code, out var code);
        if (code is not null) return RedirectToPage("Status", new { code = code.Compact });
        ErrorKey = "Error_" + TrackingCode.ErrorFor(check);
        return Page();
    }
}
