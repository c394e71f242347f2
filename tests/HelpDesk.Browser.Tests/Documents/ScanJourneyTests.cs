using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using HelpDesk.Browser.Tests.Infrastructure;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Documents;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpDesk.Browser.Tests.Documents;

/// <summary>
/// A volunteer adds photos of a resident's birth certificate to a birth registration: the browser shrinks
/// each photo and checks it is sharp and light enough before it goes up, the page lists what the server
/// kept, and the viewer pages, zooms and turns it. The photos are drawn by the browser in the test
/// (<see cref="PagePhotos"/>), a phone-sized 3000 × 2000 unless a test needs otherwise.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScanJourneyTests(BrowserFixture browser)
{
    private const string BirthRegistration = "1.001193";
    private const string BirthCertificate = "birthCertificate";
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));
    private static readonly Regex StepPage = new("/desk/drafts/[0-9a-f-]{36}/steps/1$", RegexOptions.IgnoreCase);
    private static readonly Regex PapersPage = new("/desk/drafts/[0-9a-f-]{36}/documents$", RegexOptions.IgnoreCase);
    private static readonly Regex ViewerPage = new("/desk/drafts/[0-9a-f-]{36}/scans/[0-9a-f-]{36}$", RegexOptions.IgnoreCase);
    private static readonly PagePhoto SharpPhoto = new(3000, 2000);

    [Fact]
    public async Task Two_photos_of_a_paper_are_shrunk_in_the_browser_kept_and_read_in_the_viewer()
    {
        await OnPapersAsync(async (page, app, draftId) =>
        {
            var document = page.GetByTestId("document-" + BirthCertificate);
            await Expect(page.GetByTestId("scan-summary")).ToHaveAttributeAsync("data-missing", "1");
            await Expect(page.GetByTestId("status-" + BirthCertificate)).ToHaveAttributeAsync("data-present", "false");

            for (var number = 1; number <= 2; number++)
            {
                await ChooseAsync(page, await PagePhotos.JpegAsync(page, SharpPhoto with { Seed = number }), $"giay-khai-sinh-{number}.jpg");
                var preview = page.GetByTestId("preview-" + BirthCertificate);
                await Expect(preview).ToBeVisibleAsync();
                Assert.True(await NumberAsync(preview, "data-brightness") > 60, "The photo was judged dark.");
                Assert.True(await NumberAsync(preview, "data-sharpness") > 500, "The photo was judged blurred.");
                await Expect(Warning(document, "blurred")).ToBeHiddenAsync();
                await Expect(Warning(document, "dark")).ToBeHiddenAsync();
                await Expect(preview.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 2000);

                await page.GetByTestId("add-page-" + BirthCertificate).ClickAsync();
                // The page reloads with the server's list once the upload is done.
                await Expect(page.GetByTestId($"page-{BirthCertificate}-{number}")).ToBeVisibleAsync();
                await ExpectCaptureReadyAsync(page);
            }

            await Expect(page.GetByTestId("status-" + BirthCertificate)).ToHaveAttributeAsync("data-present", "true");
            await Expect(document.Locator("[data-testid^='page-']")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("scan-summary")).ToHaveAttributeAsync("data-missing", "0");
            var kept = await PagesAsync(app, draftId);
            Assert.Equal([1, 2], kept.Select(p => p.Number));
            Assert.All(kept, p =>
            {
                Assert.Equal((BirthCertificate, FileContent.Jpeg), (p.DocumentId, p.MediaType));
                Assert.Equal((2000, 1333), (p.Width, p.Height));
                Assert.True(p.Size < 600 * 1024, $"Page {p.Number} left the browser at {p.Size / 1024} KB.");
            });

            // The viewer: page 1 of 2, then the next; zoom and turn with the buttons and the keyboard.
            await page.GetByTestId($"page-{BirthCertificate}-1").Locator("a").ClickAsync();
            await page.WaitForURLAsync(ViewerPage);
            var position = page.GetByTestId("scan-position");
            await Expect(position).ToHaveTextAsync(PageOf(1, 2));
            await page.GetByTestId("scan-next").ClickAsync();
            await Expect(position).ToHaveTextAsync(PageOf(2, 2));
            await Expect(page.GetByTestId("scan-next")).ToHaveCountAsync(0);
            Assert.EndsWith(kept[1].Id.ToString(), page.Url);
            await page.GetByTestId("scan-previous").ClickAsync();
            await Expect(position).ToHaveTextAsync(PageOf(1, 2));

            var viewer = page.GetByTestId("scan-viewer");
            await Expect(page.GetByTestId("scan-image")).ToHaveJSPropertyAsync("naturalWidth", 2000);
            await Expect(viewer).ToHaveAttributeAsync("data-rotation", "0");
            var fitted = await NumberAsync(viewer, "data-zoom");
            await viewer.Locator("[data-viewer-zoom-in]").ClickAsync();
            await Expect(viewer).Not.ToHaveAttributeAsync("data-zoom", fitted.ToString(CultureInfo.InvariantCulture));
            Assert.True(await NumberAsync(viewer, "data-zoom") > fitted);
            await viewer.Locator("[data-viewer-rotate-right]").ClickAsync();
            await Expect(viewer).ToHaveAttributeAsync("data-rotation", "90");
            await viewer.Locator("[data-viewer-frame]").FocusAsync();
            await page.Keyboard.PressAsync("r");
            await Expect(viewer).ToHaveAttributeAsync("data-rotation", "180");
        });
    }

    [Fact]
    public async Task A_blurred_photo_is_flagged_before_it_goes_up_and_can_be_taken_again()
    {
        await OnPapersAsync(async (page, app, draftId) =>
        {
            var document = page.GetByTestId("document-" + BirthCertificate);

            await ChooseAsync(page, await PagePhotos.JpegAsync(page, SharpPhoto with { Blur = 6 }), "giay-khai-sinh.jpg");
            var preview = page.GetByTestId("preview-" + BirthCertificate);
            await Expect(preview).ToBeVisibleAsync();
            await Expect(Warning(document, "blurred")).ToBeVisibleAsync();
            await Expect(Warning(document, "dark")).ToBeHiddenAsync();
            Assert.True(await NumberAsync(preview, "data-sharpness") < 500);

            await document.Locator("[data-capture-retake]").ClickAsync();
            await Expect(preview).ToBeHiddenAsync();
            await Expect(document.Locator("[data-capture-choose]")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("file-" + BirthCertificate)).ToBeFocusedAsync();
            Assert.Empty(await PagesAsync(app, draftId));
        });
    }

    [Fact]
    public async Task An_upload_cut_off_by_the_network_is_sent_again_without_a_new_photo()
    {
        await OnPapersAsync(async (page, app, draftId) =>
        {
            var document = page.GetByTestId("document-" + BirthCertificate);
            // The desk's connection drops during the first upload only.
            var cutOff = 0;
            await page.RouteAsync("**/documents?handler=Upload", async route =>
            {
                if (Interlocked.Increment(ref cutOff) == 1) await route.AbortAsync("connectionreset");
                else await route.ContinueAsync();
            });

            await ChooseAsync(page, await PagePhotos.JpegAsync(page, SharpPhoto), "giay-khai-sinh.jpg");
            await page.GetByTestId("add-page-" + BirthCertificate).ClickAsync();
            var failed = document.Locator("[data-capture-failed]");
            await Expect(failed).ToBeVisibleAsync();
            await Expect(failed.Locator("[data-capture-error]"))
                .ToHaveTextAsync(ResourceStrings.Value(Cultures.Vietnamese, "Scan_UploadFailed"));
            Assert.Empty(await PagesAsync(app, draftId));

            // No file is chosen again: the photo prepared before is still in memory.
            await failed.Locator("[data-capture-retry]").ClickAsync();
            await Expect(page.GetByTestId($"page-{BirthCertificate}-1")).ToBeVisibleAsync();
            Assert.Equal(2, cutOff);
            var kept = Assert.Single(await PagesAsync(app, draftId));
            Assert.Equal((2000, 1333), (kept.Width, kept.Height));
        });
    }

    [Fact]
    public async Task In_simplified_chinese_a_picture_that_is_not_a_photo_is_refused_with_the_servers_reason_and_nothing_is_kept()
    {
        await OnPapersAsync(async (page, app, draftId) =>
        {
            Assert.Equal(Cultures.SimplifiedChinese, await page.Locator("html").GetAttributeAsync("lang"));
            var document = page.GetByTestId("document-" + BirthCertificate);

            // An SVG with a script, named and typed as a JPEG: the browser cannot read it as a photo and
            // sends it as it is, and the server, which looks at the content, refuses it.
            await ChooseAsync(page, SampleScans.Svg(), "giay-khai-sinh.jpg");
            var failed = document.Locator("[data-capture-failed]");
            await Expect(failed).ToBeVisibleAsync();
            await Expect(failed.Locator("[data-capture-error]"))
                .ToHaveTextAsync(ResourceStrings.Value(Cultures.SimplifiedChinese, "Error_" + ErrorCodes.UploadNotAccepted));
            await Expect(failed.Locator("[data-capture-retry]")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("file-" + BirthCertificate)).ToBeFocusedAsync();

            Assert.Empty(await PagesAsync(app, draftId));
            var documents = Path.Combine(app.DataDirectory, "documents");
            Assert.Empty(Directory.Exists(documents) ? Directory.EnumerateFiles(documents, "*", SearchOption.AllDirectories) : []);
            await page.ReloadAsync();
            await Expect(page.GetByTestId("status-" + BirthCertificate)).ToHaveAttributeAsync("data-present", "false");
        }, locale: "zh-CN");
    }

    /// <summary>
    /// Runs <paramref name="test"/> in a new app on the papers page of a new birth registration (see
    /// <see cref="OpenPapersAsync"/>), signed in as a volunteer of point TN01 inside a Tuesday session;
    /// gives it the page, the app and the draft's id.
    /// </summary>
    private async Task OnPapersAsync(Func<IPage, HelpDeskApp, Guid, Task> test, string locale = Cultures.Vietnamese,
        [CallerMemberName] string testName = "")
    {
        await using var app = new HelpDeskApp(kestrel: true);
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        await app.CreatePointAsync("TN01", volunteer.UserId);
        await browser.RunAsync(app, async session =>
        {
            await session.Page.SignInWithPasswordAndCodeAsync(volunteer);
            await test(session.Page, app, await OpenPapersAsync(session.Page, app));
        }, locale, testName: testName);
    }

    /// <summary>
    /// Checks in, opens a visit whose resident (by the test shortcut; the consent pages have their own
    /// journey) consented to a birth registration being filed and its scans kept, starts the
    /// registration and goes from its first step to its papers. Returns the draft's id.
    /// </summary>
    private static async Task<Guid> OpenPapersAsync(IPage page, HelpDeskApp app)
    {
        await page.GotoAsync("/desk");
        await page.GetByTestId("check-in").ClickAsync();
        await page.GetByTestId("visit-without-ticket").ClickAsync();
        await page.WaitForURLAsync(new Regex("/desk/visits/[0-9a-f-]{36}$", RegexOptions.IgnoreCase));
        var visitId = Guid.Parse(new Uri(page.Url).Segments[^1]);
        await app.ServeResidentAsync(visitId, language: await page.Locator("html").GetAttributeAsync("lang") ?? Cultures.Vietnamese);
        await app.GiveConsentAsync(visitId, [ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], BirthRegistration);

        await page.GotoAsync($"/desk/visits/{visitId}/file");
        await page.GetByTestId("procedure-" + BirthRegistration).CheckAsync();
        await page.GetByTestId("start-filing").ClickAsync();
        await page.WaitForURLAsync(StepPage);
        await page.GetByTestId("papers-link").ClickAsync();
        await page.WaitForURLAsync(PapersPage);
        await ExpectCaptureReadyAsync(page);
        return Guid.Parse(new Uri(page.Url).Segments[^2].TrimEnd('/'));
    }

    /// <summary>capture.js has taken over the forms (it hides the plain upload button), so choosing a file goes through it.</summary>
    private static Task ExpectCaptureReadyAsync(IPage page) =>
        Expect(page.GetByTestId("document-" + BirthCertificate).Locator("[data-capture-plain]")).ToBeHiddenAsync();

    private static Task ChooseAsync(IPage page, byte[] content, string name) =>
        page.GetByTestId("file-" + BirthCertificate).SetInputFilesAsync(new FilePayload { Name = name, MimeType = FileContent.Jpeg, Buffer = content });

    private static ILocator Warning(ILocator document, string kind) => document.Locator($"[data-capture-warning='{kind}']");

    private static async Task<double> NumberAsync(ILocator element, string attribute) =>
        double.Parse((await element.GetAttributeAsync(attribute))!, CultureInfo.InvariantCulture);

    private static string PageOf(int position, int count) =>
        string.Format(CultureInfo.InvariantCulture, ResourceStrings.Value(Cultures.Vietnamese, "Scan_PageOf"), position, count);

    private static async Task<List<ScannedPage>> PagesAsync(HelpDeskApp app, Guid draftId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().ScannedPages.AsNoTracking()
            .Where(p => p.DraftId == draftId).OrderBy(p => p.Number).ToListAsync();
    }
}
