using HelpDesk.Domain.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace HelpDesk.Web.Documents;

/// <summary>How a scan leaves the server: as exactly the type its content was recognised as, never cached, never able to run script.</summary>
public static class ScanFile
{
    /// <summary>
    /// The scan as a file response. Images show inline; PDFs are downloaded, so no browser plug-in
    /// renders them inside the site. The sandbox policy forbids script even if a viewer is fooled.
    /// </summary>
    public static FileContentResult Serve(HttpResponse response, ScannedPage page, byte[] content)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; sandbox";
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue(page.IsPdf ? "attachment" : "inline");
        disposition.SetHttpFileName(page.FileName);
        headers.ContentDisposition = disposition.ToString();
        return new FileContentResult(content, page.MediaType);
    }
}
