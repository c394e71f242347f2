using HelpDesk.Browser.Tests.Infrastructure;
using HelpDesk.Domain;
using HelpDesk.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpDesk.Browser.Tests.Localization;

/// <summary>The language switcher and the large-text button in the page header, for visitors who are not signed in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Switching_to_traditional_chinese_shows_traditional_text_and_is_remembered()
    {
        await using var app = new HelpDeskApp(kestrel: true);
        var expectedTitle = ResourceStrings.Value(Cultures.TraditionalChinese, "Home_Title");

        await browser.RunAsync(app, async session =>
        {
            var page = session.Page;
            await page.GotoAsync("/");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", Cultures.Vietnamese);

            await page.GetByTestId("culture-zh-Hant").ClickAsync();

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", Cultures.TraditionalChinese);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(expectedTitle);
            await Expect(page.GetByTestId("culture-zh-Hant")).ToHaveAttributeAsync("aria-pressed", "true");

            await page.GotoAsync("/account/signin");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", Cultures.TraditionalChinese);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
                .ToHaveTextAsync(ResourceStrings.Value(Cultures.TraditionalChinese, "SignIn_Title"));
        });
    }

    [Fact]
    public async Task Large_text_mode_enlarges_the_text_and_is_remembered()
    {
        await using var app = new HelpDeskApp(kestrel: true);

        await browser.RunAsync(app, async session =>
        {
            var page = session.Page;
            await page.GotoAsync("/");
            var normal = await RootFontSizeAsync(page);

            await page.GetByTestId("text-size").ClickAsync();

            await Expect(page.GetByTestId("text-size")).ToHaveAttributeAsync("aria-pressed", "true");
            await WaitForRootFontSizeAboveAsync(page, normal);
            var large = await RootFontSizeAsync(page);
            Assert.True(large >= normal * 1.2, $"Large text is {large}px, normal text {normal}px.");

            await page.GotoAsync("/account/signin");
            await WaitForRootFontSizeAboveAsync(page, normal);
            Assert.Equal(large, await RootFontSizeAsync(page));
            await Expect(page.GetByTestId("text-size")).ToHaveAttributeAsync("aria-pressed", "true");
        });
    }

    private static Task<double> RootFontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");

    // The click reloads the page; the stylesheet may still be loading when the button is already there.
    private static Task WaitForRootFontSizeAboveAsync(IPage page, double size) =>
        page.WaitForFunctionAsync("size => parseFloat(getComputedStyle(document.documentElement).fontSize) > size", size);
}
