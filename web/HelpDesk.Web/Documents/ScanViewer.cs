using HelpDesk.Domain.Documents;
using HelpDesk.Domain.Procedures;

namespace HelpDesk.Web.Documents;

/// <summary>What the scan viewer shows: one page, its place among its document's pages, and its neighbours.</summary>
public sealed record ScanViewer(ScannedPage Page, RequiredDocument? Document, int Position, int Count, ScannedPage? Previous, ScannedPage? Next)
{
    /// <summary>The viewer for <paramref name="pageId"/> among <paramref name="pages"/> (ordered), or null when it is not one of them.</summary>
    public static ScanViewer? Of(IReadOnlyList<ScannedPage> pages, Guid pageId, ProcedureDefinition? procedure)
    {
        var page = pages.FirstOrDefault(p => p.Id == pageId);
        if (page is null) return null;
        var siblings = pages.Where(p => p.DocumentId == page.DocumentId).OrderBy(p => p.Number).ToList();
        var index = siblings.IndexOf(page);
        return new ScanViewer(page, procedure?.Documents.FirstOrDefault(d => d.Id == page.DocumentId), index + 1, siblings.Count,
            index > 0 ? siblings[index - 1] : null, index < siblings.Count - 1 ? siblings[index + 1] : null);
    }
}
