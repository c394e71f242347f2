using HelpDesk.Domain;
using HelpDesk.Web.Documents;
using HelpDesk.Web.Resources;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Setup;

public static class DocumentsSetup
{
    public static void AddHelpDeskDocuments(this IServiceCollection services)
    {
        services.AddSingleton<ScanStore>();
        services.AddScoped<Scans>();
        services.AddHostedService<ScanSweeper>();
        services.AddOptions<FormOptions>().Configure<IOptions<HelpDeskOptions>>((form, helpDesk) =>
        {
            // An upload is read in memory, never spooled to a temporary file: a scan must not touch the
            // disk unencrypted.
            var limit = helpDesk.Value.Uploads.MaxFileBytes + FormRoom;
            form.MemoryBufferThreshold = (int)Math.Min(int.MaxValue, limit);
            form.MultipartBodyLengthLimit = limit;
        });
    }

    /// <summary>Room above the file limit for the upload form's other fields.</summary>
    private const long FormRoom = 256 * 1024;

    /// <summary>
    /// Refuses an upload whose declared length is over the limit before anything reads it: the form
    /// reader would fail inside the antiforgery check with a bare 400. The script gets the localised
    /// reason as JSON; a plain form gets the error page saying it (status 413).
    /// </summary>
    public static void UseUploadSizeLimit(this WebApplication app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var limit = context.RequestServices.GetRequiredService<IOptions<HelpDeskOptions>>().Value.Uploads.MaxFileBytes + FormRoom;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType && request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            if (request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
            {
                var text = context.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
                await context.Response.WriteAsJsonAsync(new { error = text["Error_" + ErrorCodes.UploadTooLarge].Value });
            }
            return;
        }
        await next();
    });
}
