using Microsoft.Playwright;

namespace HelpDesk.Browser.Tests.Infrastructure;

public static class PageExtensions
{
    /// <summary>
    /// The page's path in lower case. Routes are case-insensitive, and the app's links say
    /// /account/signin while its redirects (RedirectToPage) say /Account/SignIn.
    /// </summary>
    public static string PathLower(this IPage page) => PathOf(page.Url);

    public static Task WaitForPathAsync(this IPage page, string path, float? timeout = null) =>
        page.WaitForURLAsync(url => PathOf(url) == path.ToLowerInvariant(), new() { Timeout = timeout });

    private static string PathOf(string url) => new Uri(url).AbsolutePath.ToLowerInvariant();
}
