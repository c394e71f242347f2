using HelpDesk.Browser.Tests.Infrastructure;
using HelpDesk.Domain.Accounts;
using HelpDesk.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpDesk.Browser.Tests.Accounts;

/// <summary>
/// A shared desk PC left alone signs its user out. With a one-minute idle limit and a 57-second
/// warning, the warning opens about three seconds after a page loads.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IdleSignOutTests(BrowserFixture browser)
{
    private static readonly Dictionary<string, string?> OneMinuteIdleLimit = new()
    {
        ["HelpDesk:Security:IdleSignOutMinutes"] = "1",
        ["HelpDesk:Security:IdleWarningSeconds"] = "57",
    };

    [Fact]
    public async Task The_idle_warning_opens_and_staying_signed_in_keeps_the_session()
    {
        await using var app = new HelpDeskApp(kestrel: true, settings: OneMinuteIdleLimit);
        var account = await app.CreateAsync(Roles.Volunteer);

        await browser.RunAsync(app, async session =>
        {
            var page = session.Page;
            await page.SignInWithPasswordAndCodeAsync(account);

            var warning = page.Locator("dialog#idle-warning");
            var stay = page.GetByTestId("stay-signed-in");
            await Expect(warning).ToBeVisibleAsync(new() { Timeout = 8_000 });
            await Expect(stay).ToBeVisibleAsync();
            // A modal dialog moves focus into itself, so a keyboard user can answer at once.
            await Expect(stay).ToBeFocusedAsync();

            var keepAlive = await page.RunAndWaitForResponseAsync(() => stay.ClickAsync(),
                response => string.Equals(new Uri(response.Url).AbsolutePath, "/account/keepalive", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(204, keepAlive.Status);
            await Expect(warning).ToBeHiddenAsync();

            await page.ReloadAsync();
            await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
            Assert.Equal("/", page.PathLower());
        });
    }

    [Fact]
    public async Task A_user_who_does_nothing_for_the_idle_minute_is_signed_out_with_a_notice()
    {
        await using var app = new HelpDeskApp(kestrel: true, settings: OneMinuteIdleLimit);
        var account = await app.CreateAsync(Roles.Volunteer);

        await browser.RunAsync(app, async session =>
        {
            var page = session.Page;
            await page.SignInWithPasswordAndCodeAsync(account);

            await page.WaitForPathAsync("/account/signin", timeout: 90_000);
            await Expect(page.GetByTestId("idle-notice")).ToBeVisibleAsync();

            // Signed out for real, not just shown the sign-in page.
            await page.GotoAsync("/account/security");
            Assert.Equal("/account/signin", page.PathLower());
            await Expect(page.GetByTestId("sign-out")).ToHaveCountAsync(0);
        });
    }
}
