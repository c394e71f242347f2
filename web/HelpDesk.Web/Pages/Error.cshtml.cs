using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDesk.Web.Pages;

/// <summary>Errors and empty pages (404 and friends), in the visitor's language, with nothing internal shown.</summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error_Title";
    public string MessageKey { get; private set; } = "Error_Message";
    public string? RequestId { get; private set; }

    public void OnGet(int? status) => Describe(status);
    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        if (status == StatusCodes.Status404NotFound)
        {
            TitleKey = "Error_NotFoundTitle";
            MessageKey = "Error_NotFoundMessage";
        }
        else if (status == StatusCodes.Status400BadRequest)
        {
            TitleKey = "Error_BadRequestTitle";
            MessageKey = "Error_BadRequestMessage";
        }
        else if (status == StatusCodes.Status413PayloadTooLarge)
        {
            TitleKey = "Error_BadRequestTitle";
            MessageKey = "Error_" + Domain.ErrorCodes.UploadTooLarge;
        }
        else if (status == StatusCodes.Status429TooManyRequests)
        {
            // Too many codes tried from one address (SecuritySetup.PublicCodes): wait, then try again.
            TitleKey = "Error_TooManyTitle";
            MessageKey = "Error_TooManyMessage";
        }
        else
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
        if (status is >= 400 and < 600) Response.StatusCode = status.Value;
    }
}
