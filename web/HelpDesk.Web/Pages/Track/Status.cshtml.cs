using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Dossiers;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace HelpDesk.Web.Pages.Track;

/// <summary>
/// Public, what the slip's QR opens (<c>/t/{code}</c>, must not move): the procedure, where the dossier
/// stands, when it was filed and when the result is due, and what to bring — no personal data at all.
/// A mistyped or malformed code is answered without touching the database. Answers are cached (<see cref="TrackingPageCache"/>).
/// </summary>
[AllowAnonymous, EnableRateLimiting(SecuritySetup.PublicCodes), OutputCache(PolicyName = TrackingPageCache.Policy)]
public sealed class Status(DossierTracking tracking, ProcedureCatalog catalog, HolidayCalendar calendar) : PageModel
{
    /// <summary>The code as it came, shown again in the box when it is refused.</summary>
    public string Typed { get; private set; } = "";
    public string? ErrorKey { get; private set; }
    public TrackedDossier? Found { get; private set; }
    public ProcedureDefinition? Procedure { get; private set; }
    /// <summary>The due date set by the ward, or, before the ward receives the papers, the date the clock gives them.</summary>
    public DateOnly? ReturnDate { get; private set; }
    public bool ReturnDateIsExpected { get; private set; }
    public bool IsFinal => Found is not null && DossierLifecycle.IsFinal(Found.Status);

    public async Task<IActionResult> OnGetAsync(string code)
    {
        Typed = code;
        var check = TrackingCode.Parse(code, out var parsed);
        if (parsed is null)
        {
            ErrorKey = "Error_" + TrackingCode.ErrorFor(check);
            return Page();
        }
        Found = await tracking.FindAsync(parsed);
        Procedure = Found is null ? null : catalog.FindByCode(Found.ProcedureCode);
        if (Found is null || Procedure is null)
        {
            Found = null;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        ReturnDateIsExpected = Found.DueDate is null && Found.Status == DossierStatus.Submitted;
        ReturnDate = Found.DueDate ?? (ReturnDateIsExpected ? ProcessingClock.DueDate(Found.SubmittedAt, Procedure.TimeLimit, calendar) : null);
        return Page();
    }
}
