using HelpDesk.Testing;

namespace HelpDesk.Benchmarks.Tracking;

/// <summary>A dossier filed through the app's own pages: what its slip prints.</summary>
public sealed record SubmittedDossier(string Number, string Code)
{
    /// <summary>A certified copy (chứng thực bản sao): the shortest form, same-day time limit; the original is only shown.</summary>
    public const string CertifiedCopy = "2.000815";
    /// <summary>The photocopy to certify, the one paper of the procedure that is scanned.</summary>
    public const string Photocopy = "photocopy";

    /// <summary>Both screens of the certified copy's form, as a volunteer types them.</summary>
    private static readonly IReadOnlyList<Dictionary<string, string>> Screens =
    [
        new() { ["paperTitle"] = "Giấy khai sinh", ["paperOrigin"] = "vietnam", ["pageCount"] = "1", ["copyCount"] = "3" },
        new() { ["requesterFullName"] = "Lâm Văn Phúc" },
    ];

    /// <summary>
    /// Files one dossier at a new point <paramref name="pointCode"/>, as at a desk: the volunteer signs in, checks
    /// in, opens a visit for a consenting resident (<see cref="Desk"/>), scans the photocopy through the
    /// upload handler, fills the form screen by screen, and submits from the review sheet; gives the slip's figures.
    /// </summary>
    public static async Task<SubmittedDossier> FileAsync(HelpDeskApp app, string pointCode)
    {
        using var desk = await Desk.OpenAsync(app, pointCode, CertifiedCopy, Photocopy);
        await desk.UploadAsync(SampleScans.Jpeg(), "image/jpeg", "photocopy.jpg");

        var client = desk.Client;
        var (_, page) = await client.GetAsync($"/desk/drafts/{desk.DraftId}/steps/1");
        foreach (var answers in Screens)
            (_, page) = await client.SubmitAsync(page, "[data-testid=step-form]", answers, "filing-action", "save");
        if (!new Uri(page.Url).AbsolutePath.EndsWith("/review", StringComparison.Ordinal))
            throw new InvalidOperationException($"The form did not end on the review sheet but on {page.Url}.");

        var (response, slip) = await client.SubmitAsync(page, "[data-testid=submit-form]");
        var number = slip.QuerySelector("[data-testid=slip-number]")?.TextContent.Trim();
        var code = slip.QuerySelector("[data-testid=slip-code]")?.TextContent.Trim();
        if (number is null || code is null)
            throw new InvalidOperationException($"Submitting did not open a slip ({(int)response.StatusCode} at {slip.Url}).");
        return new SubmittedDossier(number, code.Replace("-", ""));
    }
}
