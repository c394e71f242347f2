using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Consents;
using HelpDesk.Testing;

namespace HelpDesk.Benchmarks;

/// <summary>
/// One desk at work on the app over real HTTP: a volunteer signed in at their own point, checked in, with a
/// visit whose resident consented to a procedure being filed and its scans kept, and the procedure's draft
/// started with its papers page open. <see cref="UploadAsync"/> adds a page of one paper as capture.js does.
/// Shared by the benchmarks under tools/benchmarks (each compiles this file).
/// </summary>
public sealed class Desk(PageClient client, Guid draftId, string documentId, Uri uploadAddress, string antiforgeryToken) : IDisposable
{
    public const string BirthRegistration = "1.001193";
    public const string BirthCertificate = "birthCertificate";

    /// <summary>The volunteer's browser-like client, to go on through the draft's pages.</summary>
    public PageClient Client => client;
    /// <summary>The signed-in session, to carry over to a browser.</summary>
    public CookieContainer Cookies => client.Cookies;
    public Guid DraftId => draftId;
    public string PapersPath => $"/desk/drafts/{draftId}/documents";

    /// <summary>
    /// Sets up a desk at a new point <paramref name="pointCode"/> of the test ward, through the app's own pages where it
    /// matters, with a draft of <paramref name="procedureCode"/> whose paper <paramref name="documentId"/> takes the uploads.
    /// </summary>
    public static async Task<Desk> OpenAsync(HelpDeskApp app, string pointCode,
        string procedureCode = BirthRegistration, string documentId = BirthCertificate)
    {
        var account = await app.CreateAsync(Roles.Volunteer);
        await app.CreatePointAsync(pointCode, account.UserId);
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = true })
        {
            BaseAddress = app.BrowserBaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        // Browsers send Origin on every POST; antiforgery and the passkey checks expect it.
        http.DefaultRequestHeaders.Add("Origin", app.BrowserBaseAddress.GetLeftPart(UriPartial.Authority));
        var client = new PageClient(http, cookies);
        await client.SignInAsync(account);

        var (_, desk) = await client.GetAsync("/desk");
        (_, desk) = await client.SubmitAsync(desk, "form[action*='handler=CheckIn']");
        var (_, visit) = await client.SubmitAsync(desk, "form[action*='handler=StartVisit']");
        var visitId = Guid.Parse(new Uri(visit.Url).Segments[^1]);
        await app.ServeResidentAsync(visitId);
        await app.GiveConsentAsync(visitId, [ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], procedureCode);
        var (_, start) = await client.GetAsync($"/desk/visits/{visitId}/file");
        var (_, step) = await client.SubmitAsync(start, "[data-testid=start-form]", new Dictionary<string, string> { ["ProcedureCode"] = procedureCode });
        var draftId = Guid.Parse(new Uri(step.Url).Segments[3].TrimEnd('/'));

        var (_, papers) = await client.GetAsync($"/desk/drafts/{draftId}/documents");
        var form = papers.QuerySelector($"[data-testid=document-{documentId}] form[data-capture]")
            ?? throw new InvalidOperationException($"The papers page offers no upload for {documentId} (consent to keep scans missing?).");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The capture form carries no antiforgery token.");
        return new Desk(client, draftId, documentId, new Uri(new Uri(papers.Url), form.GetAttribute("action")), token);
    }

    /// <summary>Posts <paramref name="content"/> as the next page of the paper, asking for JSON as capture.js does; gives how long the answer took.</summary>
    public async Task<TimeSpan> UploadAsync(byte[] content, string mediaType, string fileName)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(antiforgeryToken), "__RequestVerificationToken" },
            { new StringContent(documentId), "documentId" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, uploadAddress) { Content = form };
        request.Headers.Accept.ParseAdd("application/json");

        var started = Stopwatch.GetTimestamp();
        using var response = await client.Http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Upload of {fileName} answered {(int)response.StatusCode}: {answer}");
        return elapsed;
    }

    public void Dispose() => client.Http.Dispose();
}
