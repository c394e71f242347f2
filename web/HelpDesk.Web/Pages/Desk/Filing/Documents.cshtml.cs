using HelpDesk.Domain;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Documents;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Documents;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Desk.Filing;

/// <summary>
/// The papers of a dossier: for each document the procedure asks for, the pages captured so far and
/// a way to add more (phone camera, desk camera, or a scanner's file). Keeping scans needs the
/// resident's consent to keep them; without it the page says so and offers nothing to upload.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class Documents(HelpDeskDbContext db, DeskService desk, ProcedureCatalog catalog, ResidentAccess access, AuditLog audit,
    Scans scans, IStringLocalizer<Strings> text) : FilingPage(db, desk, catalog, access, audit)
{
    private const string MessageKey = "documents-message";
    private const string ErrorKey = "documents-error";

    public IReadOnlyList<ScannedPage> Pages { get; private set; } = [];
    public IReadOnlyList<RequiredDocument> Missing { get; private set; } = [];
    public bool MayKeepScans { get; private set; }
    public HelpDeskOptions.UploadOptions Limits => scans.Limits;
    /// <summary>What the last upload or removal did, or why it was refused (already localised).</summary>
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadDraftAsync(id) is { } refused) return refused;
        await Audit.SaveAsync(DraftEntry(AuditActions.DraftViewed, "documents"));
        await LoadPagesAsync();
        if (TempData[ErrorKey] is string error) (Message, MessageIsError) = (error, true);
        else Message = TempData[MessageKey] as string;
        return Page();
    }

    /// <summary>One page (or one PDF) for one document. Answers JSON to the page's script, a redirect to a plain form.</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, string? documentId, IFormFile? file)
    {
        if (await LoadDraftAsync(id) is { } refused) return refused;
        // Papers only shown in the original are looked at, never kept.
        if (Procedure.Documents.FirstOrDefault(d => d.Id == documentId && d.Form != DocumentForm.ShowOriginal) is not { } document)
            return NotFound();
        if (await Access.ConsentForAsync(User.UserId(), CurrentVisit, ResidentAction.KeepScans) is null)
            return Refused(ErrorCodes.ScanConsentNeeded);
        try
        {
            if (file is null || file.Length == 0) throw new DomainException(ErrorCodes.UploadEmpty);
            // Refused before reading a byte: the declared length of the part is what would be read.
            if (file.Length > Limits.MaxFileBytes) throw new DomainException(ErrorCodes.UploadTooLarge);
            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content);
            var page = await scans.AddAsync(Draft, document, content, User.UserId(), CurrentVisit.ResidentId);
            var added = text["Scan_Added", document.Name.In(Culture), page.Number].Value;
            if (WantsJson) return new JsonResult(new { id = page.Id, number = page.Number, message = added });
            TempData[MessageKey] = added;
            return RedirectToPage(null, null, new { id }, "document-" + document.Id);
        }
        catch (DomainException refusal)
        {
            return Refused(refusal.Code);
        }
    }

    /// <summary>Removes a page taken by mistake.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid pageId)
    {
        if (await LoadDraftAsync(id) is { } refused) return refused;
        var page = await Db.ScannedPages.FindAsync(pageId);
        if (page is null || page.DraftId != Draft.Id) return NotFound();
        await scans.RemoveAsync(page, User.UserId(), CurrentVisit.ResidentId, CurrentVisit.PointId);
        TempData[MessageKey] = text["Scan_Removed"].Value;
        return RedirectToPage(null, null, new { id }, "document-" + page.DocumentId);
    }

    public IEnumerable<ScannedPage> PagesOf(RequiredDocument document) => Pages.Where(p => p.DocumentId == document.Id);

    private static string Culture => System.Globalization.CultureInfo.CurrentUICulture.Name;

    private bool WantsJson => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    private IActionResult Refused(string code)
    {
        var message = text["Error_" + code].Value;
        if (WantsJson) return new JsonResult(new { error = message }) { StatusCode = StatusCodes.Status400BadRequest };
        TempData[ErrorKey] = message;
        return RedirectToPage(null, null, new { id = Draft.Id });
    }

    private async Task LoadPagesAsync()
    {
        Pages = await scans.OfDraftAsync(Draft.Id);
        Missing = ScannedPage.Missing(Procedure, Pages);
        MayKeepScans = await Access.AllowsAsync(CurrentVisit, ResidentAction.KeepScans);
    }
}
