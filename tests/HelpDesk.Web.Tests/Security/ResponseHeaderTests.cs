using HelpDesk.Domain.Accounts;
using HelpDesk.Testing;

namespace HelpDesk.Web.Tests.Security;

/// <summary>A strict Content-Security-Policy with no inline script or style, and no caching of pages.</summary>
public sealed class ResponseHeaderTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/signin")]
    [InlineData("/join/not-a-secret")]
    public async Task Pages_carry_a_strict_content_security_policy_and_are_never_cached(string path)
    {
        var response = await PageClient.For(app).Http.GetAsync(path);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        // "no-referrer" would make browsers post forms with "Origin: null", which fails the passkey origin check.
        Assert.Equal("same-origin", string.Join("", response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData(null, "/")]
    [InlineData(null, "/account/signin")]
    [InlineData(Roles.Coordinator, "/staff/invitations")]
    [InlineData(Roles.Volunteer, "/account/security")]
    [InlineData(Roles.Volunteer, "/account/authenticator")]
    public async Task Pages_have_no_inline_script_style_or_event_handlers(string? role, string path)
    {
        var client = PageClient.For(app, role is null ? null : await app.SessionOfAsync(role));
        var (_, page) = await client.GetAsync(path);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        var handlers = page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on")).Select(a => a.Name).ToList();
        Assert.Empty(handlers);
        Assert.Empty(page.QuerySelectorAll("script[src^='http'], link[href^='http']")); // no CDN
    }

    [Fact]
    public async Task Static_files_may_be_cached()
    {
        var response = await PageClient.For(app).Http.GetAsync("/css/site.css");
        Assert.True(response.IsSuccessStatusCode);
        Assert.DoesNotContain("no-store", response.Headers.CacheControl?.ToString() ?? "");
    }
}
