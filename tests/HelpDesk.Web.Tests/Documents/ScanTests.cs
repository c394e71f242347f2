using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Documents;
using HelpDesk.Domain.Places;
using HelpDesk.Domain.Procedures;
using HelpDesk.Testing;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Documents;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using HelpDesk.Web.Tests.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Documents;

/// <summary>
/// Scans of a dossier's papers: taken at the desk under the resident's consent to keep them, recognised by
/// their content, stored encrypted with their row or not at all, and shown only to those who may see them.
/// </summary>
public abstract partial class ScanTests(DatabaseProviderChoice choice)
{
    private const string BirthRegistration = "1.001193";
    private const string BirthCertificate = "birthCertificate";
    /// <summary>Required, but only shown in the original at the desk: looked at, never kept.</summary>
    private const string FilerId = "filerId";
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    /// <summary>A volunteer on shift in an open visit, with a birth registration draft started for the resident it serves.</summary>
    private sealed record Desk(HelpDeskApp App, PageClient Volunteer, TestAccount Account, Guid VisitId, Guid DraftId) : IAsyncDisposable
    {
        public string Documents => $"/desk/drafts/{DraftId}/documents";
        public string Viewer(Guid pageId) => $"/desk/drafts/{DraftId}/scans/{pageId}";
        public string Content(Guid pageId) => Viewer(pageId) + "?handler=Content";
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>
    /// The desk, with the resident's consent to <paramref name="purposes"/> (filing a birth registration and keeping
    /// scans unless told), the app's <paramref name="settings"/> and any <paramref name="services"/> a test adds.
    /// </summary>
    private async Task<Desk> OnShiftAsync(string[]? purposes = null, Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var app = new HelpDeskApp(choice.Provider, settings: settings) { ExtraServices = services };
        app.SetClock(During);
        var account = await app.CreateAsync(Roles.Volunteer);
        await app.CreatePointAsync("TN01", account.UserId);
        var (volunteer, desk) = await CheckedInAsync(app, account);
        var (_, visit) = await volunteer.SubmitAsync(desk, "form[action*='handler=StartVisit']");
        var visitId = Guid.Parse(new Uri(visit.Url).Segments[^1]);
        await app.ServeResidentAsync(visitId);
        await app.GiveConsentAsync(visitId, purposes ?? [ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], BirthRegistration);
        var (_, start) = await volunteer.GetAsync($"/desk/visits/{visitId}/file");
        var (_, step) = await volunteer.SubmitAsync(start, "[data-testid=start-form]", new Dictionary<string, string> { ["ProcedureCode"] = BirthRegistration });
        var draftId = Guid.Parse(new Uri(step.Url).AbsolutePath.Split('/')[3]);
        return new Desk(app, volunteer, account, visitId, draftId);
    }

    /// <summary>Signs <paramref name="account"/> in and checks them in at their point; gives the desk page after check-in.</summary>
    private static async Task<(PageClient Client, IHtmlDocument Desk)> CheckedInAsync(HelpDeskApp app, TestAccount account)
    {
        var client = PageClient.For(app);
        await client.SignInAsync(account);
        var (_, desk) = await client.GetAsync("/desk");
        (_, desk) = await client.SubmitAsync(desk, "form[action*='handler=CheckIn']");
        return (client, desk);
    }

    /// <summary>
    /// Sends <paramref name="content"/> through the capture form of <paramref name="documentId"/> on the papers page
    /// (<paramref name="page"/>, or the page as it is now), as a browser without script sends it.
    /// </summary>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> UploadAsync(Desk desk, byte[] content,
        string fileName = "giay-khai-sinh.jpg", string contentType = FileContent.Jpeg, PageClient? client = null,
        IHtmlDocument? page = null, string documentId = BirthCertificate)
    {
        client ??= desk.Volunteer;
        page ??= (await client.GetAsync(desk.Documents)).Document;
        return await client.SubmitWithFilesAsync(page, $"[data-testid=document-{documentId}] form[data-capture]", null,
            ("file", fileName, content, contentType));
    }

    /// <summary>The volunteer's browser as capture.js uses it: same session, asking for JSON.</summary>
    private static PageClient Script(Desk desk)
    {
        var script = PageClient.For(desk.App, desk.Volunteer.Cookies);
        script.Http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        return script;
    }

    /// <summary>The page's id, after adding <paramref name="content"/> the way the script does.</summary>
    private static async Task<Guid> AddPageAsync(Desk desk, byte[] content, string fileName = "giay-khai-sinh.jpg", string contentType = FileContent.Jpeg)
    {
        var (response, _) = await UploadAsync(desk, content, fileName, contentType, Script(desk));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Adds to <paramref name="page"/> a capture form the page does not offer, as a hand-made request would send it:
    /// the upload address and the page's own antiforgery token. Gives its selector.
    /// </summary>
    private static string Forge(IHtmlDocument page, Guid draftId, string documentId)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var form = page.CreateElement("form");
        form.SetAttribute("method", "post");
        form.SetAttribute("action", $"/desk/drafts/{draftId}/documents?handler=Upload");
        form.SetAttribute("data-testid", "forged");
        form.InnerHtml = $"<input type=\"hidden\" name=\"documentId\" value=\"{documentId}\" /><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{token}\" />";
        page.Body!.AppendChild(form);
        return "form[data-testid=forged]";
    }

    /// <summary>A signed-in session of a new account with <paramref name="role"/>, moved to <paramref name="ward"/> before signing in.</summary>
    private static async Task<PageClient> InWardAsync(HelpDeskApp app, string role, Guid ward)
    {
        var account = await app.CreateAsync(role);
        InScope(app, db => { db.Users.Single(u => u.Id == account.UserId).WardId = ward; return db.SaveChanges(); });
        var client = PageClient.For(app, followRedirects: false);
        await PageClient.For(app, client.Cookies).SignInAsync(account);
        return client;
    }

    private static T InScope<T>(HelpDeskApp app, Func<HelpDeskDbContext, T> read)
    {
        using var scope = app.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>());
    }

    private static List<AuditEvent> Audited(HelpDeskApp app, string action) =>
        InScope(app, db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToList());

    private static string PathOfScan(HelpDeskApp app, Guid pageId)
    {
        var name = pageId.ToString("N");
        return Path.Combine(app.DataDirectory, "documents", name[..2], name + ".scan");
    }

    /// <summary>Every file in the document store: placed scans and staged parts alike.</summary>
    private static string[] StoredFiles(HelpDeskApp app)
    {
        var root = Path.Combine(app.DataDirectory, "documents");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];
    }

    private static string Text(string key, params object[] values) => string.Format(ResourceFiles.Value(Cultures.Vietnamese, key), values);

    private static string DocumentName(HelpDeskApp app, string documentId) =>
        app.Services.GetRequiredService<ProcedureCatalog>().FindByCode(BirthRegistration)!.Documents.Single(d => d.Id == documentId).Name.Vietnamese;

    private static string? MessageOf(IHtmlDocument page) => page.QuerySelector("[data-testid=scan-message]")?.TextContent.Trim();
    private static string? Attribute(IHtmlDocument page, string testId, string name) => page.QuerySelector($"[data-testid={testId}]")?.GetAttribute(name);
    private static IHtmlFormElement? CaptureForm(IHtmlDocument page, string documentId) =>
        page.QuerySelector($"[data-testid=document-{documentId}] form[data-capture]") as IHtmlFormElement;
    private static string PathOf(IHtmlDocument page) => new Uri(page.Url).AbsolutePath;
    private static string RedirectPath(HttpResponseMessage response) => new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath;

    [Fact]
    public async Task A_jpeg_sent_by_the_plain_form_becomes_page_one_of_its_paper_stored_encrypted_and_audited()
    {
        await using var desk = await OnShiftAsync();
        var (_, before) = await desk.Volunteer.GetAsync(desk.Documents);
        var missingBefore = int.Parse(Attribute(before, "scan-summary", "data-missing")!);
        Assert.Equal("false", Attribute(before, $"status-{BirthCertificate}", "data-present"));
        var jpeg = SampleScans.Jpeg();

        var (_, after) = await UploadAsync(desk, jpeg, page: before);

        Assert.Equal(desk.Documents, PathOf(after));
        Assert.Equal(Text("Scan_Added", DocumentName(desk.App, BirthCertificate), 1), MessageOf(after));
        Assert.NotNull(after.QuerySelector($"[data-testid=page-{BirthCertificate}-1]"));
        Assert.Equal("true", Attribute(after, $"status-{BirthCertificate}", "data-present"));
        Assert.Equal((missingBefore - 1).ToString(), Attribute(after, "scan-summary", "data-missing"));

        var page = InScope(desk.App, db => db.ScannedPages.AsNoTracking().Single());
        Assert.Equal((desk.DraftId, BirthCertificate, 1, FileContent.Jpeg, 1), (page.DraftId, page.DocumentId, page.Number, page.MediaType, page.PageCount));
        Assert.Equal((SampleScans.JpegWidth, SampleScans.JpegHeight), (page.Width, page.Height));
        Assert.Equal(jpeg.Length, page.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(jpeg)), page.Sha256);
        Assert.Equal(desk.Account.UserId, page.AddedBy);

        var stored = await File.ReadAllBytesAsync(PathOfScan(desk.App, page.Id));
        Assert.False(stored.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8 }), "The stored file starts like a JPEG.");
        Assert.True(stored.AsSpan().IndexOf(jpeg) < 0 && stored.AsSpan().IndexOf("JFIF"u8) < 0, "The stored file holds the JPEG in clear.");

        var added = Assert.Single(Audited(desk.App, AuditActions.ScanAdded));
        Assert.Equal((desk.Account.UserId, $"scan:{page.Id}"), (added.UserId, added.Subject));
        Assert.Equal(InScope(desk.App, db => db.Visits.Single(v => v.Id == desk.VisitId).ResidentId), added.ResidentId);
    }

    [Fact]
    public async Task The_capture_script_gets_json_with_the_new_page_and_a_localised_error_for_a_refused_file()
    {
        await using var desk = await OnShiftAsync();
        var script = Script(desk);

        var (added, _) = await UploadAsync(desk, SampleScans.Jpeg(), client: script);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("application/json", added.Content.Headers.ContentType?.MediaType);
        using (var json = JsonDocument.Parse(await added.Content.ReadAsStringAsync()))
        {
            Assert.Equal(InScope(desk.App, db => db.ScannedPages.Single().Id), json.RootElement.GetProperty("id").GetGuid());
            Assert.Equal(1, json.RootElement.GetProperty("number").GetInt32());
            Assert.Equal(Text("Scan_Added", DocumentName(desk.App, BirthCertificate), 1), json.RootElement.GetProperty("message").GetString());
        }

        var (refused, _) = await UploadAsync(desk, SampleScans.Html(), "giay-khai-sinh.html", "text/html", script);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
            Assert.Equal(Text("Error_" + ErrorCodes.UploadNotAccepted), json.RootElement.GetProperty("error").GetString());
        Assert.Equal(1, InScope(desk.App, db => db.ScannedPages.Count()));
    }

    public static TheoryData<string, string, string, string> Impostors => new()
    {
        { "svg", "giay-khai-sinh.jpg", FileContent.Jpeg, ErrorCodes.UploadNotAccepted },
        { "html", "giay-khai-sinh.pdf", FileContent.Pdf, ErrorCodes.UploadNotAccepted },
        { "zip", "giay-khai-sinh.png", FileContent.Png, ErrorCodes.UploadNotAccepted },
        { "jpeg-with-zip", "giay-khai-sinh.jpg", FileContent.Jpeg, ErrorCodes.UploadHiddenContent },
    };

    private static byte[] Impostor(string kind) => kind switch
    {
        "svg" => SampleScans.Svg(),
        "html" => SampleScans.Html(),
        "zip" => SampleScans.Zip(),
        "jpeg-with-zip" => SampleScans.JpegWithZipAppended(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Impostors))]
    public async Task A_file_is_refused_by_its_content_whatever_its_name_or_declared_type_and_nothing_is_stored(
        string kind, string fileName, string declaredType, string error)
    {
        await using var desk = await OnShiftAsync();

        var (_, page) = await UploadAsync(desk, Impostor(kind), fileName, declaredType);

        Assert.Equal(Text("Error_" + error), MessageOf(page));
        Assert.Equal(0, InScope(desk.App, db => db.ScannedPages.Count()));
        Assert.Empty(StoredFiles(desk.App));
        Assert.Empty(Audited(desk.App, AuditActions.ScanAdded));
    }

    [Fact]
    public async Task A_file_over_the_configured_size_is_refused_as_too_large()
    {
        await using var desk = await OnShiftAsync(settings: new() { ["HelpDesk:Uploads:MaxFileBytes"] = "512" });
        Assert.True(SampleScans.Jpeg().Length > 512);

        var (_, page) = await UploadAsync(desk, SampleScans.Jpeg());

        Assert.Equal(Text("Error_" + ErrorCodes.UploadTooLarge), MessageOf(page));
        Assert.Equal(0, InScope(desk.App, db => db.ScannedPages.Count()));
        Assert.Empty(StoredFiles(desk.App));
    }

    [Fact]
    public async Task A_file_far_over_the_size_limit_gets_the_same_localised_refusal_as_json()
    {
        await using var desk = await OnShiftAsync(settings: new() { ["HelpDesk:Uploads:MaxFileBytes"] = "512" });
        byte[] huge = [.. SampleScans.Jpeg(), .. new byte[400 * 1024]];

        var (response, _) = await UploadAsync(desk, huge, client: Script(desk));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Text("Error_" + ErrorCodes.UploadTooLarge), json.RootElement.GetProperty("error").GetString());
        Assert.Empty(StoredFiles(desk.App));
    }

    [Fact]
    public async Task With_two_pages_allowed_per_paper_a_third_is_refused_and_no_more_capture_is_offered()
    {
        await using var desk = await OnShiftAsync(settings: new() { ["HelpDesk:Uploads:MaxPagesPerDocument"] = "2" });
        var (_, withRoom) = await desk.Volunteer.GetAsync(desk.Documents);
        await UploadAsync(desk, SampleScans.Jpeg());
        var (_, full) = await UploadAsync(desk, SampleScans.Png(40, 30), "trang-2.png", FileContent.Png);

        Assert.Null(CaptureForm(full, BirthCertificate));
        Assert.NotNull(CaptureForm(full, "witnessStatement"));

        // The form of a page loaded before the paper was full.
        var (_, refused) = await UploadAsync(desk, SampleScans.Jpeg(), page: withRoom);

        Assert.Equal(Text("Error_" + ErrorCodes.ScanDocumentFull), MessageOf(refused));
        Assert.Equal([1, 2], InScope(desk.App, db => db.ScannedPages.OrderBy(p => p.Number).Select(p => p.Number).ToList()));
        Assert.Equal(2, StoredFiles(desk.App).Length);
    }

    /// <summary>Fails the next commit as a full disk would, once armed.</summary>
    private sealed class FailingCommit : DbTransactionInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) =>
            Armed ? throw new IOException("disk full") : ValueTask.FromResult(result);
    }

    [Fact]
    public async Task An_upload_whose_commit_fails_leaves_neither_row_nor_file_and_the_next_one_works()
    {
        var fault = new FailingCommit();
        await using var desk = await OnShiftAsync(services: services => services.AddSingleton<IInterceptor>(fault));
        var (_, page) = await desk.Volunteer.GetAsync(desk.Documents);

        fault.Armed = true;
        var (failed, _) = await UploadAsync(desk, SampleScans.Jpeg(), page: page);
        fault.Armed = false;

        Assert.False(failed.IsSuccessStatusCode, $"The upload answered {(int)failed.StatusCode}.");
        Assert.Equal(0, InScope(desk.App, db => db.ScannedPages.Count()));
        Assert.Empty(StoredFiles(desk.App));
        Assert.Empty(Audited(desk.App, AuditActions.ScanAdded));

        var (_, next) = await UploadAsync(desk, SampleScans.Jpeg());

        Assert.Equal(Text("Scan_Added", DocumentName(desk.App, BirthCertificate), 1), MessageOf(next));
        var added = InScope(desk.App, db => db.ScannedPages.Single());
        Assert.Equal([PathOfScan(desk.App, added.Id)], StoredFiles(desk.App));
        using var scope = desk.App.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AuditLog>().FirstBrokenAsync());
    }

    /// <summary>Holds the read of a paper's page numbers until a second add has made it too (or 3 seconds passed), so two adds overlap there.</summary>
    private sealed partial class MeetAtPageNumbers : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _both = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (PageNumbersQuery().IsMatch(command.CommandText))
            {
                if (Interlocked.Increment(ref _arrived) >= 2) _both.TrySetResult();
                await Task.WhenAny(_both.Task, Task.Delay(TimeSpan.FromSeconds(3), cancellationToken));
            }
            return result;
        }

        [GeneratedRegex(@"^SELECT \w+\.""Number""\s+FROM ""ScannedPages""")]
        private static partial Regex PageNumbersQuery();
    }

    [Fact]
    public async Task Two_pages_sent_at_once_for_one_paper_are_both_kept_as_pages_one_and_two()
    {
        await using var desk = await OnShiftAsync(services: services => services.AddSingleton<IInterceptor>(new MeetAtPageNumbers()));
        var (_, page) = await desk.Volunteer.GetAsync(desk.Documents);
        var script = Script(desk);

        var uploads = await Task.WhenAll(
            UploadAsync(desk, SampleScans.Jpeg(), client: script, page: page),
            UploadAsync(desk, SampleScans.Png(40, 30), "trang-2.png", FileContent.Png, script, page));

        Assert.All(uploads, upload => Assert.Equal(HttpStatusCode.OK, upload.Response.StatusCode));
        Assert.Equal([1, 2], InScope(desk.App, db => db.ScannedPages.OrderBy(p => p.Number).Select(p => p.Number).ToList()));
        Assert.Equal(2, StoredFiles(desk.App).Length);
    }

    [Fact]
    public async Task The_sweeper_deletes_files_no_row_knows_once_they_are_old_and_keeps_young_ones_and_real_pages()
    {
        // The app's own sweep at start would race with the files made here.
        await using var desk = await OnShiftAsync(services: services =>
            services.Remove(services.Single(s => s.ImplementationType == typeof(ScanSweeper))));
        var real = await AddPageAsync(desk, SampleScans.Jpeg());
        var oldOrphan = PathOfScan(desk.App, Guid.NewGuid());
        var youngOrphan = PathOfScan(desk.App, Guid.NewGuid());
        var oldPart = Path.Combine(desk.App.DataDirectory, "documents", "incoming", Guid.NewGuid().ToString("N") + ".part");
        foreach (var file in new[] { oldOrphan, youngOrphan, oldPart })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, [1, 2, 3]);
        }
        foreach (var file in new[] { oldOrphan, oldPart, PathOfScan(desk.App, real) })
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-2));

        using var scope = desk.App.Services.CreateScope();
        var removed = await scope.ServiceProvider.GetRequiredService<Scans>().SweepOrphansAsync(Scans.OrphanGrace);

        Assert.Equal(2, removed);
        Assert.False(File.Exists(oldOrphan));
        Assert.False(File.Exists(oldPart));
        Assert.True(File.Exists(youngOrphan));
        Assert.True(File.Exists(PathOfScan(desk.App, real)));
    }

    [Fact]
    public async Task The_volunteer_gets_the_content_as_an_inert_uncached_image_and_the_view_is_audited()
    {
        await using var desk = await OnShiftAsync();
        var jpeg = SampleScans.Jpeg();
        var pageId = await AddPageAsync(desk, jpeg);

        var (_, viewer) = await desk.Volunteer.GetAsync(desk.Viewer(pageId));
        var response = await desk.Volunteer.Http.GetAsync(desk.Content(pageId));

        Assert.Equal(desk.Content(pageId), Attribute(viewer, "scan-image", "src"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(jpeg, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(FileContent.Jpeg, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy);
        Assert.Contains("default-src 'none'", policy);

        var viewed = Assert.Single(Audited(desk.App, AuditActions.ScanViewed));
        Assert.Equal((desk.Account.UserId, $"scan:{pageId}"), (viewed.UserId, viewed.Subject));
    }

    [Fact]
    public async Task Another_volunteer_on_shift_at_the_same_point_does_not_find_the_scan()
    {
        await using var desk = await OnShiftAsync();
        var pageId = await AddPageAsync(desk, SampleScans.Jpeg());
        var other = await desk.App.CreateAsync(Roles.Volunteer);
        var pointId = InScope(desk.App, db => db.ServicePoints.Single().Id);
        InScope(desk.App, db => { db.PointAssignments.Add(new PointAssignment(pointId, other.UserId, DateTimeOffset.UtcNow)); return db.SaveChanges(); });
        var (intruder, _) = await CheckedInAsync(desk.App, other);

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync(desk.Content(pageId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync(desk.Viewer(pageId))).StatusCode);
        Assert.Empty(Audited(desk.App, AuditActions.ScanViewed));
    }

    [Fact]
    public async Task Ward_staff_of_the_same_ward_see_the_scan_and_the_view_is_audited()
    {
        await using var desk = await OnShiftAsync();
        var jpeg = SampleScans.Jpeg();
        var pageId = await AddPageAsync(desk, jpeg);
        var ward = InScope(desk.App, db => db.ServicePoints.Single().WardId);
        var staff = await InWardAsync(desk.App, Roles.WardStaff, ward);

        var viewer = await staff.Http.GetAsync($"/staff/scans/{pageId}");
        var response = await staff.Http.GetAsync($"/staff/scans/{pageId}?handler=Content");

        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(jpeg, await response.Content.ReadAsByteArrayAsync());
        var viewed = Assert.Single(Audited(desk.App, AuditActions.ScanViewed));
        Assert.NotEqual(desk.Account.UserId, viewed.UserId);
        Assert.Equal($"scan:{pageId}", viewed.Subject);
    }

    [Fact]
    public async Task Ward_staff_of_another_ward_do_not_find_the_scan()
    {
        await using var desk = await OnShiftAsync();
        var pageId = await AddPageAsync(desk, SampleScans.Jpeg());
        var staff = await InWardAsync(desk.App, Roles.WardStaff, (await desk.App.CreateWardAsync()).Id);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/staff/scans/{pageId}?handler=Content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"/staff/scans/{pageId}")).StatusCode);
        Assert.Empty(Audited(desk.App, AuditActions.ScanViewed));
    }

    [Fact]
    public async Task A_coordinator_is_refused_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        await using var desk = await OnShiftAsync();
        var pageId = await AddPageAsync(desk, SampleScans.Jpeg());
        var coordinator = PageClient.For(desk.App, await desk.App.SessionOfAsync(Roles.Coordinator), followRedirects: false);
        var anonymous = PageClient.For(desk.App, followRedirects: false);

        foreach (var address in new[] { desk.Content(pageId), $"/staff/scans/{pageId}?handler=Content" })
        {
            var refused = await coordinator.Http.GetAsync(address);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/account/denied", RedirectPath(refused));
            var stranger = await anonymous.Http.GetAsync(address);
            Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
            Assert.Equal("/account/signin", RedirectPath(stranger));
        }
        Assert.Empty(Audited(desk.App, AuditActions.ScanViewed));
    }

    [Fact]
    public async Task Once_the_visit_is_closed_the_volunteer_gets_no_content()
    {
        await using var desk = await OnShiftAsync();
        var pageId = await AddPageAsync(desk, SampleScans.Jpeg());
        var (_, visit) = await desk.Volunteer.GetAsync($"/desk/visits/{desk.VisitId}");
        await desk.Volunteer.SubmitAsync(visit, "form[action*='handler=Close']", new Dictionary<string, string>
        {
            ["Input.Purpose"] = "FileDossier", ["Input.Language"] = Cultures.TraditionalChinese, ["Input.Outcome"] = "MissingPapers",
        });
        Assert.NotNull(InScope(desk.App, db => db.Visits.Single(v => v.Id == desk.VisitId).ClosedAt));

        var response = await desk.Volunteer.Http.GetAsync(desk.Content(pageId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(Audited(desk.App, AuditActions.ScanViewed));
    }

    [Fact]
    public async Task Without_consent_to_keep_scans_no_capture_is_offered_and_a_forged_upload_is_refused_and_audited()
    {
        await using var desk = await OnShiftAsync(purposes: [ConsentPurpose.FileProcedure]);
        var (_, page) = await desk.Volunteer.GetAsync(desk.Documents);

        Assert.NotNull(page.QuerySelector("[data-testid=scan-consent-needed]"));
        Assert.Empty(page.QuerySelectorAll("form[data-capture]"));

        var (_, refused) = await desk.Volunteer.SubmitWithFilesAsync(page, Forge(page, desk.DraftId, BirthCertificate), null,
            ("file", "giay-khai-sinh.jpg", SampleScans.Jpeg(), FileContent.Jpeg));

        Assert.Equal(Text("Error_" + ErrorCodes.ScanConsentNeeded), MessageOf(refused));
        Assert.Equal(0, InScope(desk.App, db => db.ScannedPages.Count()));
        Assert.Empty(StoredFiles(desk.App));
        var refusal = Assert.Single(Audited(desk.App, AuditActions.AccessRefused));
        Assert.Equal((desk.Account.UserId, nameof(ResidentAction.KeepScans)), (refusal.UserId, refusal.Detail));
    }

    [Fact]
    public async Task A_paper_only_shown_in_the_original_offers_no_capture_and_keeps_nothing_sent_for_it()
    {
        await using var desk = await OnShiftAsync();
        var (_, page) = await desk.Volunteer.GetAsync(desk.Documents);

        Assert.Null(CaptureForm(page, FilerId));

        await desk.Volunteer.SubmitWithFilesAsync(page, Forge(page, desk.DraftId, FilerId), null,
            ("file", "can-cuoc.jpg", SampleScans.Jpeg(), FileContent.Jpeg));

        Assert.Equal(0, InScope(desk.App, db => db.ScannedPages.Count()));
        Assert.Empty(StoredFiles(desk.App));
    }

    [Fact]
    public async Task Removing_a_page_deletes_its_row_and_file_audits_it_and_the_next_page_numbers_after_the_highest_left()
    {
        await using var desk = await OnShiftAsync();
        var first = await AddPageAsync(desk, SampleScans.Jpeg());
        var second = await AddPageAsync(desk, SampleScans.Png(40, 30), "trang-2.png", FileContent.Png);
        var (_, page) = await desk.Volunteer.GetAsync(desk.Documents);

        var (_, removed) = await desk.Volunteer.SubmitAsync(page, $"[data-testid=page-{BirthCertificate}-1] form");

        Assert.Equal(Text("Scan_Removed"), MessageOf(removed));
        Assert.Equal(second, InScope(desk.App, db => db.ScannedPages.Single().Id));
        Assert.False(File.Exists(PathOfScan(desk.App, first)));
        Assert.True(File.Exists(PathOfScan(desk.App, second)));
        Assert.Equal($"scan:{first}", Assert.Single(Audited(desk.App, AuditActions.ScanRemoved)).Subject);

        var third = await AddPageAsync(desk, SampleScans.Jpeg());

        Assert.Equal(3, InScope(desk.App, db => db.ScannedPages.Single(p => p.Id == third).Number));
    }

    [Fact]
    public async Task A_two_page_pdf_is_kept_with_its_page_count_and_offered_as_a_download_not_shown()
    {
        await using var desk = await OnShiftAsync();
        var pdf = SampleScans.Pdf(2);

        var pageId = await AddPageAsync(desk, pdf, "giay-khai-sinh.pdf", FileContent.Pdf);

        var row = InScope(desk.App, db => db.ScannedPages.Single());
        Assert.Equal((FileContent.Pdf, 2, (int?)null), (row.MediaType, row.PageCount, row.Width));
        var (_, viewer) = await desk.Volunteer.GetAsync(desk.Viewer(pageId));
        Assert.Equal(desk.Content(pageId), Attribute(viewer, "scan-download", "href"));
        Assert.Null(viewer.QuerySelector("[data-testid=scan-image]"));
        var response = await desk.Volunteer.Http.GetAsync(desk.Content(pageId));
        Assert.Equal(FileContent.Pdf, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_review_sheet_lists_each_required_paper_with_its_pages()
    {
        await using var desk = await OnShiftAsync();
        await AddPageAsync(desk, SampleScans.Jpeg());
        await AddPageAsync(desk, SampleScans.Pdf(2), "trang-2.pdf", FileContent.Pdf);

        var (_, review) = await desk.Volunteer.GetAsync($"/desk/drafts/{desk.DraftId}/review");

        Assert.Equal("2", Attribute(review, $"review-paper-{BirthCertificate}", "data-pages"));
        Assert.Equal("0", Attribute(review, $"review-paper-{FilerId}", "data-pages"));
    }
}

public sealed class ScanTestsOnSqlite() : ScanTests(DatabaseProviderChoice.Sqlite);
public sealed class ScanTestsOnPostgres() : ScanTests(DatabaseProviderChoice.Postgres);
