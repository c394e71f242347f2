using System.Text.RegularExpressions;
using HelpDesk.Browser.Tests.Infrastructure;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpDesk.Browser.Tests.Consents;

/// <summary>
/// A volunteer whose screen is in Traditional Chinese registers a resident, the resident signs the
/// consent on the screen, and the bilingual receipt prints with a QR that opens the public check.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsentJourneyTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    [Fact]
    public async Task In_traditional_chinese_a_resident_is_registered_signs_on_screen_and_the_receipt_prints()
    {
        await using var app = new HelpDeskApp(kestrel: true);
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        await app.CreatePointAsync("TN01", volunteer.UserId);

        await browser.RunAsync(app, async session =>
        {
            var page = session.Page;
            await page.SignInWithPasswordAndCodeAsync(volunteer);
            await page.GotoAsync("/desk");
            await page.GetByTestId("check-in").ClickAsync();
            await page.GetByTestId("visit-without-ticket").ClickAsync();
            await page.WaitForURLAsync(new Regex("/desk/visits/[0-9a-f-]{36}$", RegexOptions.IgnoreCase));
            Assert.Equal("zh-Hant", await page.Locator("html").GetAttributeAsync("lang"));

            // Register the resident: identity only, and the language they read.
            await page.GetByTestId("find-resident").ClickAsync();
            await page.GetByTestId("register-new").ClickAsync();
            await page.Locator("[name='Input.FullName']").FillAsync("Lâm Văn Phúc");
            await page.Locator("[name='Input.ChineseName']").FillAsync("林文福");
            await page.Locator("[name='Input.DateOfBirth']").FillAsync("01/01/1960");
            await page.GetByTestId("sex-Male").CheckAsync();
            await page.Locator("[name='Input.PersonalIdNumber']").FillAsync("079060001234");
            await page.Locator("[name='Input.PreferredLanguage'][value='zh-Hant']").CheckAsync();
            await page.GetByTestId("register").ClickAsync();
            await Expect(page.GetByTestId("resident-name")).ToHaveTextAsync("Lâm Văn Phúc");
            await Expect(page.GetByTestId("consent-needed")).ToBeVisibleAsync();

            // The consent: Vietnamese binding text beside the Traditional Chinese explanation.
            await page.GetByTestId("record-consent").ClickAsync();
            await Expect(page.GetByTestId("explanation-text")).ToHaveAttributeAsync("lang", "zh-Hant");
            await page.GetByTestId("purpose-file-procedure").CheckAsync();
            await page.GetByTestId("procedure-1.001193").CheckAsync();
            await page.GetByTestId("purpose-keep-scans").CheckAsync();
            await page.GetByTestId("duration-30-days").CheckAsync();

            // Signing with nothing drawn is refused, in the volunteer's language.
            await page.GetByTestId("give-consent").ClickAsync();
            await Expect(page.GetByTestId("error-Signature")).ToHaveTextAsync(ResourceStrings.Value("zh-Hant", "Error_ConsentSignatureMissing"));
            await Expect(page.GetByTestId("purpose-keep-scans")).ToBeCheckedAsync();

            await DrawSignatureAsync(page);
            await page.GetByTestId("give-consent").ClickAsync();
            await page.WaitForURLAsync(new Regex("/consents/[0-9a-f-]{36}$", RegexOptions.IgnoreCase));

            // The receipt: both languages, the signature as drawn, a QR that decodes to the public check.
            var receipt = page.GetByTestId("consent-receipt");
            await Expect(receipt.Locator("h1 [lang='zh-Hant']")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("receipt-explanation")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("receipt-resident")).ToContainTextAsync("林文福");
            Assert.True(await page.GetByTestId("receipt-evidence").EvaluateAsync<int>("img => img.naturalWidth") > 100);
            var verifyUrl = (await page.GetByTestId("verify-url").TextContentAsync())!.Trim();
            Assert.Equal(verifyUrl, await QrCodes.DecodeAsync(page.GetByTestId("verify-qr")));

            // Printed: the page's controls and the withdrawal form stay off the paper.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(page.GetByTestId("print")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("withdraw")).ToBeHiddenAsync();
            await Expect(receipt).ToBeVisibleAsync();
            var pdf = await page.PdfAsync(new() { Format = "A4" });
            Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
            await page.EmulateMediaAsync(new() { Media = Media.Screen });

            // The QR's page answers without signing in and shows no personal data.
            var check = await session.Context.Browser!.NewPageAsync();
            await check.GotoAsync(verifyUrl);
            await Expect(check.GetByTestId("consent-status")).ToBeVisibleAsync();
            Assert.DoesNotContain("林文福", await check.Locator("body").TextContentAsync());
            await check.CloseAsync();
        }, locale: "zh-Hant");
    }

    /// <summary>A signature as a hand draws it: a few strokes with the mouse across the pad.</summary>
    private static async Task DrawSignatureAsync(IPage page)
    {
        var pad = page.GetByTestId("signature-pad");
        await Expect(pad).ToBeVisibleAsync();
        await pad.ScrollIntoViewIfNeededAsync();
        var box = (await pad.BoundingBoxAsync())!;
        float x = box.X + 20, y = box.Y + box.Height / 2;
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 30; i++) await page.Mouse.MoveAsync(x + i * 12, y + (float)Math.Sin(i / 2.0) * 30);
        await page.Mouse.UpAsync();
        await page.Mouse.MoveAsync(x + 60, y - 40);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + 90, y + 40, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }
}
