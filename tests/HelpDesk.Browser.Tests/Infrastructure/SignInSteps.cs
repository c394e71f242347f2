using HelpDesk.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpDesk.Browser.Tests.Infrastructure;

/// <summary>The fallback sign-in, as a person types it: user name and password, then the authenticator code.</summary>
public static class SignInSteps
{
    /// <summary>Submits user name and password and waits for the authenticator-code page.</summary>
    public static async Task SubmitPasswordAsync(this IPage page, TestAccount account)
    {
        await page.GotoAsync("/account/signin");
        await page.Locator("input[name='Input.UserName']").FillAsync(account.UserName);
        await page.Locator("input[name='Input.Password']").FillAsync(account.Password);
        await page.GetByTestId("sign-in-password").ClickAsync();
        await page.WaitForPathAsync("/account/signin/code");
    }

    /// <summary>Signs in by password and code and waits until the home page greets the user.</summary>
    public static async Task SignInWithPasswordAndCodeAsync(this IPage page, TestAccount account)
    {
        await page.SubmitPasswordAsync(account);
        await page.Locator("input[name='Code']").FillAsync(account.CurrentCode());
        await page.GetByTestId("submit-code").ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForPathAsync("/account/signin");
    }
}
