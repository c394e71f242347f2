using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using HelpDesk.Browser.Tests.Infrastructure;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpDesk.Browser.Tests.Dossiers;

/// <summary>
/// A volunteer submits a birth registration for a resident who reads Traditional Chinese and hands over the
/// slip: printed on A5 or an 80 mm receipt, its QR read back by a real decoder from a screenshot, its read-aloud
/// buttons, and the public page the QR opens on a stranger's phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SlipJourneyTests(BrowserFixture browser)
{
    /// <summary>The ward's public address, printed in QR codes (HelpDesk:PublicBaseUrl); not the address the desk uses.</summary>
    private const string PublicBase = "https://tracuu.example";
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    private const string FullName = "Lâm Văn Phúc";
    private const string ChineseName = "林文福";
    private const string PersonalId = "079060001234";
    private const string BirthYear = "1960"; // ServeResidentAsync registers 01/01/1960
    private const string Phone = "0908765432";
    private const string Street = "48 Hải Thượng Lãn Ông";

    /// <summary>
    /// Records what the page asks speech synthesis to say instead of saying it: headless Chromium has no voices,
    /// and a test run should not talk.
    /// </summary>
    private const string RecordSpeech = """
        window.__spoken = [];
        if ("speechSynthesis" in window) {
            window.speechSynthesis.speak = function (utterance) {
                window.__spoken.push({ text: utterance.text, lang: utterance.lang });
            };
        }
        """;

    /// <summary>The submitted dossier whose slip the volunteer's tab shows.</summary>
    private sealed record Submitted(BrowserSession Session, HelpDeskApp App, Guid DossierId, string Code, string Number)
    {
        public IPage Page => Session.Page;
        public string TrackingUrl => $"{PublicBase}/t/{Code}";
    }

    /// <summary>
    /// A volunteer on shift serves a resident who reads Traditional Chinese (name in both scripts, ID number,
    /// phone, address; consented to the filing and to scans), submits a birth registration from the review
    /// sheet, and <paramref name="test"/> runs on its slip, on screen.
    /// </summary>
    private async Task OnSlipAsync(Func<Submitted, Task> test, [CallerMemberName] string testName = "")
    {
        await using var app = new HelpDeskApp(kestrel: true, settings: new Dictionary<string, string?> { ["HelpDesk:PublicBaseUrl"] = PublicBase });
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var point = await app.CreatePointAsync("TN01", volunteer.UserId);

        await browser.RunAsync(app, async session =>
        {
            await session.Page.AddInitScriptAsync(RecordSpeech);
            await session.Page.SignInWithPasswordAndCodeAsync(volunteer);
            var visitId = await app.OpenVisitAsync(volunteer.UserId, point.Id);
            var residentId = await app.ServeResidentAsync(visitId, FullName, ChineseName, Cultures.TraditionalChinese, PersonalId);
            await app.AddContactAsync(residentId, Phone, Street);
            await app.GiveConsentAsync(visitId, [ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], FilingFixture.BirthRegistration);

            var (dossierId, code) = await session.Page.SubmitDossierAsync(app, visitId);
            var number = (await session.Page.GetByTestId("slip-number").TextContentAsync())!.Trim();
            Assert.Matches(@"^TN01-\d{6}-0001$", number);
            await test(new Submitted(session, app, dossierId, code, number));
        }, testName: testName);
    }

    [Fact]
    public async Task On_A5_the_bilingual_slip_prints_on_one_sheet_and_its_QR_and_large_grouped_code_give_the_public_tracking_address()
    {
        await OnSlipAsync(async slip =>
        {
            var page = slip.Page;
            await Expect(page.Locator("link[data-testid=slip-layout-a5]")).ToHaveCountAsync(1);

            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(page.GetByTestId("print")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("read-aloud-vi")).ToBeHiddenAsync();
            await ExpectCodeAsync(slip);
            Assert.Equal(slip.TrackingUrl, await QrCodes.DecodeAsync(await page.ScreenshotAsync(new() { FullPage = true })));

            var pages = PrintedPdf.PageSizes(PrintedPdf.Keep(await page.PdfAsync(new() { Format = "A5" }), "slip-a5-zh-Hant"));
            Assert.All(pages, size => Assert.Equal((148, 210), ((int)Math.Round(size.Width), (int)Math.Round(size.Height))));
            Assert.Single(pages);
            // The count is real, not the slip shrunk to fit: with its print text a third larger it takes two sheets.
            await page.EvaluateAsync("() => document.querySelector('.slip').style.setProperty('font-size', '12pt', 'important')");
            Assert.True(PrintedPdf.PageSizes(await page.PdfAsync(new() { Format = "A5" })).Count > 1,
                "The slip with larger text still fits one A5 sheet: the page count proves nothing.");
        });
    }

    [Fact]
    public async Task On_an_80_mm_receipt_the_slip_fits_the_paper_and_its_QR_and_large_grouped_code_give_the_same_address()
    {
        await OnSlipAsync(async slip =>
        {
            var page = slip.Page;
            await page.GetByTestId("layout-receipt").ClickAsync();
            await Expect(page.Locator("link[data-testid=slip-layout-receipt]")).ToHaveCountAsync(1);

            // A viewport as wide as what the printer prints on: 80 mm less the page's margins of 3 mm, at 96 px an inch.
            await page.SetViewportSizeAsync(280, 900);
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(page.GetByTestId("print")).ToBeHiddenAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "Something on the receipt is wider than the paper.");

            await ExpectCodeAsync(slip);
            Assert.Equal(slip.TrackingUrl, await QrCodes.DecodeAsync(await page.ScreenshotAsync(new() { FullPage = true })));

            // Printed as the page asks (the printer's own paper size): one strip 80 mm wide.
            var pages = PrintedPdf.PageSizes(PrintedPdf.Keep(await page.PdfAsync(new() { PreferCSSPageSize = true }), "slip-receipt-zh-Hant"));
            Assert.Equal(80, (int)Math.Round(Assert.Single(pages).Width));
        });
    }

    [Fact]
    public async Task The_wards_new_date_and_supplement_notices_print_on_one_A5_sheet_each_with_the_same_QR()
    {
        await OnSlipAsync(async slip =>
        {
            var (app, page) = (slip.App, slip.Page);
            var officer = await app.CreateAsync(Roles.WardStaff);
            await app.WardMovesAsync(slip.DossierId, officer.UserId, DossierIntent.Receive);
            await app.WardMovesAsync(slip.DossierId, officer.UserId, DossierIntent.StartProcessing);
            await app.WardMovesAsync(slip.DossierId, officer.UserId, DossierIntent.Extend, "Chờ xác minh của bệnh viện nơi trẻ sinh ra",
                newDueDate: LaterWorkingDay(app, slip.DossierId), role: Roles.Leader);
            await PrintsOnOneSheetAsync("new-date");

            await app.WardMovesAsync(slip.DossierId, officer.UserId, DossierIntent.RequestSupplement,
                "Giấy chứng sinh bị mờ, không đọc được tên người mẹ; cần bản rõ hơn hoặc bản sao có chứng thực.",
                [FilingFixture.BirthCertificate, "parentsMarriageCertificate"]);
            await PrintsOnOneSheetAsync("supplement");
            await Expect(page.GetByTestId("notice-papers").Locator("li")).ToHaveCountAsync(2);

            async Task PrintsOnOneSheetAsync(string kind)
            {
                await page.EmulateMediaAsync(new() { Media = Media.Screen });
                await page.GotoAsync($"/desk/dossiers/{slip.DossierId}/notice/{kind}");
                await page.EmulateMediaAsync(new() { Media = Media.Print });
                await Expect(page.GetByTestId("print")).ToBeHiddenAsync();
                await ExpectCodeAsync(slip);
                Assert.Equal(slip.TrackingUrl, await QrCodes.DecodeAsync(await page.ScreenshotAsync(new() { FullPage = true })));
                var pages = PrintedPdf.PageSizes(PrintedPdf.Keep(await page.PdfAsync(new() { Format = "A5" }), $"notice-{kind}-zh-Hant"));
                Assert.Single(pages);
            }
        });
    }

    /// <summary>A working day a week after the dossier's due date: the new date of an extension.</summary>
    private static DateOnly LaterWorkingDay(HelpDeskApp app, Guid dossierId)
    {
        using var scope = app.Services.CreateScope();
        var due = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().Dossiers.Where(d => d.Id == dossierId).Select(d => d.DueDate).Single()!.Value;
        var calendar = scope.ServiceProvider.GetRequiredService<HolidayCalendar>();
        var day = due.AddDays(7);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    [Fact]
    public async Task Read_aloud_speaks_the_slip_in_vietnamese_and_in_the_residents_traditional_chinese()
    {
        await OnSlipAsync(async slip =>
        {
            var page = slip.Page;
            var vietnamese = page.GetByTestId("read-aloud-vi");
            var residents = page.GetByTestId("read-aloud-resident");
            await Expect(vietnamese).ToBeVisibleAsync();
            await Expect(residents).ToBeVisibleAsync();
            await Expect(residents).ToHaveAttributeAsync("lang", Cultures.TraditionalChinese);
            var returnDate = (await page.GetByTestId("slip-return-date").TextContentAsync())!.Trim();

            await vietnamese.ClickAsync();
            await residents.ClickAsync();

            var spoken = (await page.EvaluateAsync<JsonElement>("() => window.__spoken")).EnumerateArray()
                .Select(u => (Lang: u.GetProperty("lang").GetString(), Text: u.GetProperty("text").GetString()!)).ToList();
            Assert.Equal(["vi-VN", "zh-TW"], spoken.Select(u => u.Lang));
            // Dates as a voice says them, and the number spelled out ("TN01-…" is not a word).
            var date = DateOnly.ParseExact(returnDate, "dd/MM/yyyy", CultureInfo.InvariantCulture);
            var spokenDates = new[] { $"ngày {date.Day} tháng {date.Month} năm {date.Year}", $"{date.Year}年{date.Month}月{date.Day}日" };
            foreach (var ((culture, text), spokenDate) in new[] { (Cultures.Vietnamese, spoken[0].Text), (Cultures.TraditionalChinese, spoken[1].Text) }.Zip(spokenDates))
            {
                Assert.Contains("T N 0 1, ", text);
                Assert.Contains(string.Join(", ", slip.Number.Split('-').Select(group => string.Join(' ', group.ToCharArray()))), text);
                Assert.Contains(string.Format(ResourceStrings.Value(culture, "Slip_SpeechExpected"), spokenDate), text);
                Assert.DoesNotContain(returnDate, text);
            }
        });
    }

    [Fact]
    public async Task The_QR_opened_in_a_strangers_browser_shows_procedure_and_status_and_nothing_personal()
    {
        await OnSlipAsync(async slip =>
        {
            var address = await QrCodes.DecodeAsync(slip.Page.GetByTestId("slip-qr"));
            Assert.Equal(slip.TrackingUrl, address);
            // The procedure's name in the resident's language, as the slip prints it beneath the Vietnamese.
            var procedure = (await slip.Page.GetByTestId("slip-procedure").Locator($"[lang={Cultures.TraditionalChinese}]").TextContentAsync())!.Trim();

            // Someone else's phone: no cookies, the resident's language. The public address is not this machine, so
            // the phone's requests for it are sent on to the test app, as DNS and the ward's proxy would.
            var phone = await browser.Browser.NewContextAsync(new() { Locale = Cultures.TraditionalChinese });
            try
            {
                var app = slip.App.BrowserBaseAddress.GetLeftPart(UriPartial.Authority);
                await phone.RouteAsync(PublicBase + "/**", async route =>
                    await route.FulfillAsync(new() { Response = await route.FetchAsync(new() { Url = app + route.Request.Url[PublicBase.Length..] }) }));
                var page = await phone.NewPageAsync();
                await page.GotoAsync(address);

                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", Cultures.TraditionalChinese);
                await Expect(page.GetByTestId("track-procedure")).ToHaveTextAsync(procedure);
                await Expect(page.GetByTestId("track-status")).ToHaveTextAsync(ResourceStrings.Value(Cultures.TraditionalChinese, "DossierStatus_Submitted"));
                await Expect(page.GetByTestId("track-number")).ToHaveTextAsync(slip.Number);

                var html = await page.ContentAsync();
                string[] personal = [FullName, ChineseName, PersonalId, BirthYear, Phone, Street, .. FilingFixture.BirthRegistrationAnswers
                    .Where(a => PersonalAnswer().IsMatch(a.Key)).Select(a => a.Value)];
                Assert.All(personal, value => Assert.DoesNotContain(value, html));
            }
            finally
            {
                await phone.CloseAsync();
            }
        });
    }

    /// <summary>The code on the slip is the dossier's, in groups (without them it reads the same) and in type far larger than the text around it.</summary>
    private static async Task ExpectCodeAsync(Submitted slip)
    {
        var code = slip.Page.GetByTestId("slip-code");
        var printed = (await code.TextContentAsync())!.Trim();
        Assert.Matches(Grouped(), printed);
        Assert.Equal(slip.Code, GroupSeparators().Replace(printed, ""));
        var codeSize = await code.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        var textSize = await slip.Page.GetByTestId("slip-applicant").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(codeSize >= 1.5 * textSize, $"The code is in {codeSize}px type, the text around it in {textSize}px.");
    }

    /// <summary>Three groups of four symbols, parted by a dash or a space.</summary>
    [GeneratedRegex(@"^\w{4}[- ]\w{4}[- ]\w{4}$")]
    private static partial Regex Grouped();

    [GeneratedRegex("[- ]")]
    private static partial Regex GroupSeparators();

    /// <summary>The form's answers that are a person's: names, ID numbers, phones, birth dates, streets.</summary>
    [GeneratedRegex(@"FullName|PersonalId|Phone|DateOfBirth|\.street$")]
    private static partial Regex PersonalAnswer();
}
