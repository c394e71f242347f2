using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Data;
using HelpDesk.Web.Documents;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages.Staff;

/// <summary>
/// A scanned page of a dossier filed in the officer's own ward, to audit it. Another ward's scan is
/// not found, the same answer as a page that does not exist. Every view of the content is recorded.
/// </summary>
[Authorize(Roles = $"{Roles.WardStaff},{Roles.Leader}")]
public sealed class Scan(HelpDeskDbContext db, Scans scans, ProcedureCatalog catalog) : PageModel
{
    public ScanViewer Viewer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid pageId)
    {
        if (await AllowedPageAsync(pageId) is not { } page) return NotFound();
        var draft = await db.DossierDrafts.AsNoTracking().SingleAsync(d => d.Id == page.DraftId);
        Viewer = ScanViewer.Of(await scans.OfDraftAsync(page.DraftId), pageId, catalog.FindByCode(draft.ProcedureCode))!;
        return Page();
    }

    /// <summary>The page's content (recorded as viewed).</summary>
    public async Task<IActionResult> OnGetContentAsync(Guid pageId)
    {
        if (await AllowedPageAsync(pageId) is not { } page) return NotFound();
        var draft = await db.DossierDrafts.AsNoTracking().SingleAsync(d => d.Id == page.DraftId);
        var residentId = await db.Visits.Where(v => v.Id == draft.VisitId).Select(v => v.ResidentId).SingleAsync();
        var content = await scans.ReadAsync(page, User.UserId(), residentId, draft.PointId);
        return ScanFile.Serve(Response, page, content);
    }

    private async Task<Domain.Documents.ScannedPage?> AllowedPageAsync(Guid pageId) =>
        await db.ScannedPages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pageId) is { } page && await scans.StaffMaySeeAsync(page, User)
            ? page : null;
}
