using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using HelpDesk.Web.Setup;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages.Consents;

/// <summary>
/// Public: what the QR on a consent receipt opens. Says whether the consent stands, when and where it
/// was given, for what and until when — and nothing about the person. The code is 80 random bits.
/// </summary>
[AllowAnonymous, EnableRateLimiting(SecuritySetup.PublicCodes)]
public sealed class Check(HelpDeskDbContext db, ProcedureCatalog catalog, TimeProvider clock) : PageModel
{
    public Consent? Record { get; private set; }
    public ConsentStatus Status { get; private set; }
    public string PointName { get; private set; } = "";
    public IReadOnlyList<LocalizedText> Procedures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var normalized = code.Trim().ToUpperInvariant();
        Record = normalized.Length == 16 ? await db.Consents.AsNoTracking().SingleOrDefaultAsync(c => c.VerificationCode == normalized) : null;
        if (Record is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Status = Record.StatusAt(clock.GetUtcNow());
        PointName = await db.ServicePoints.Where(p => p.Id == Record.PointId).Select(p => p.Name).SingleAsync();
        Procedures = Record.ProcedureCodes.Select(c => catalog.FindByCode(c)?.Name).OfType<LocalizedText>().ToList();
        return Page();
    }
}
