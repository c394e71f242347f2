using HelpDesk.Browser.Tests.Infrastructure;
using HelpDesk.Domain.Accounts;
using HelpDesk.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpDesk.Browser.Tests.Accounts;

/// <summary>Passkeys made and used by a real browser (Chromium's virtual authenticator), from first run to everyday sign-in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PasskeyJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task First_coordinator_enrols_a_passkey_from_the_setup_link_and_signs_in_with_it()
    {
        await using var app = new HelpDeskApp(kestrel: true);
        var baseAddress = app.BrowserBaseAddress;
        // The printed link carries the server's own address; the browser must use localhost for WebAuthn.
        var setupLink = new Uri(baseAddress, new Uri(await app.SetupLinkAsync()).PathAndQuery);

        await browser.RunAsync(app, async session =>
        {
            var page = session.Page;
            var authenticator = await session.AddVirtualAuthenticatorAsync();

            await page.GotoAsync(setupLink.ToString());
            await page.Locator("input[name='Input.WardName']").FillAsync("Phường Chợ Quán");
            await page.Locator("input[name='Input.Province']").FillAsync("Thành phố Hồ Chí Minh");
            await page.Locator("input[name='Input.DisplayName']").FillAsync("Trần Thị Mai");
            await page.Locator("input[name='Input.UserName']").FillAsync("mai.tran");
            await page.GetByTestId("join-continue").ClickAsync();
            await page.GetByTestId("create-passkey").ClickAsync();

            await Expect(page.GetByTestId("welcome")).ToBeVisibleAsync();
            Assert.Equal("/account/security", page.PathLower());
            await Expect(PasskeyRows(page)).ToHaveCountAsync(1);
            Assert.Single(await authenticator.CredentialIdsAsync());

            await page.SignOutAsync();
            await page.GetByTestId("sign-in-passkey").ClickAsync();

            await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Trần Thị Mai");
        });
    }

    [Fact]
    public async Task A_signed_in_user_adds_a_second_passkey_and_removes_one()
    {
        await using var app = new HelpDeskApp(kestrel: true);
        var account = await app.CreateAsync(Roles.Volunteer);

        await browser.RunAsync(app, async session =>
        {
            var page = session.Page;
            await page.SignInWithPasswordAndCodeAsync(account);
            await page.GotoAsync("/account/security");
            await Expect(PasskeyRows(page)).ToHaveCountAsync(0);

            // The phone: the first passkey.
            var phone = await session.AddVirtualAuthenticatorAsync();
            await page.GetByTestId("add-passkey").ClickAsync();
            await Expect(PasskeyRows(page)).ToHaveCountAsync(1);
            var phoneCredential = (await phone.CredentialsAsync()).Single();
            var phoneId = (await phone.CredentialIdsAsync()).Single();

            // The desk PC: a second authenticator, since one authenticator holds one passkey per account.
            await phone.RemoveAsync();
            var desk = await session.AddVirtualAuthenticatorAsync();
            await page.GetByTestId("add-passkey").ClickAsync();
            await Expect(PasskeyRows(page)).ToHaveCountAsync(2);
            var deskId = (await desk.CredentialIdsAsync()).Single();

            await PasskeyRow(page, phoneId).GetByTestId("remove-passkey").ClickAsync();
            await Expect(PasskeyRows(page)).ToHaveCountAsync(1);
            await Expect(PasskeyRow(page, deskId)).ToHaveCountAsync(1);
            await Expect(PasskeyRow(page, phoneId)).ToHaveCountAsync(0);

            // The passkey that is left still signs in.
            await page.SignOutAsync();
            await page.GetByTestId("sign-in-passkey").ClickAsync();
            await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();

            // The removed one does not, even though the phone still holds it.
            await page.SignOutAsync();
            await desk.RemoveAsync();
            await session.AddVirtualAuthenticatorAsync([phoneCredential]);
            await page.GetByTestId("sign-in-passkey").ClickAsync();
            await Expect(page.GetByTestId("sign-in-error")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task The_passkey_form_posts_with_the_site_origin_that_the_passkey_is_checked_against()
    {
        // Identity accepts a passkey only when the origin inside it equals the Origin header of the
        // POST that carries it; a page whose policy makes the browser send "Origin: null" loses every passkey.
        await using var app = new HelpDeskApp(kestrel: true);
        var origin = app.BrowserBaseAddress.GetLeftPart(UriPartial.Authority);

        await browser.RunAsync(app, async session =>
        {
            var page = session.Page;
            await page.GotoAsync("/account/signin");
            // What passkeys.js does once the authenticator has answered.
            var post = await page.RunAndWaitForRequestAsync(
                () => page.Locator("form[data-passkey]").EvaluateAsync("form => form.submit()"),
                request => request.Method == "POST");

            Assert.Equal(origin, await post.HeaderValueAsync("origin"));
        });
    }

    private static ILocator PasskeyRows(IPage page) => page.Locator("[data-testid=passkeys] tbody tr");

    private static ILocator PasskeyRow(IPage page, string credentialId) =>
        PasskeyRows(page).Filter(new() { Has = page.Locator($"input[name=credentialId][value='{credentialId}']") });
}
