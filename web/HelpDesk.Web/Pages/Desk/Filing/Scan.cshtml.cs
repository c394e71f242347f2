using HelpDesk.Domain.Documents;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Documents;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HelpDesk.Web.Pages.Desk.Filing;

/// <summary>
/// One scanned page, to read at the desk: page through the document's pages, zoom, rotate. The
/// image itself comes from <see cref="OnGetContentAsync"/>, which records every view.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class Scan(HelpDeskDbContext db, DeskService desk, ProcedureCatalog catalog, ResidentAccess access, AuditLog audit, Scans scans)
    : FilingPage(db, desk, catalog, access, audit)
{
    public ScanViewer Viewer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid pageId)
    {
        if (await LoadDraftAsync(id) is { } refused) return refused;
        var viewer = ScanViewer.Of(await scans.OfDraftAsync(Draft.Id), pageId, Procedure);
        if (viewer is null) return NotFound();
        Viewer = viewer;
        return Page();
    }

    /// <summary>The page's content (recorded as viewed).</summary>
    public async Task<IActionResult> OnGetContentAsync(Guid id, Guid pageId)
    {
        if (await LoadDraftAsync(id) is { } refused) return refused;
        var page = await Db.ScannedPages.FindAsync(pageId);
        if (page is null || page.DraftId != Draft.Id) return NotFound();
        var content = await scans.ReadAsync(page, User.UserId(), CurrentVisit.ResidentId, CurrentVisit.PointId);
        return ScanFile.Serve(Response, page, content);
    }
}
