using System.Net;
using HelpDesk.Domain;
using HelpDesk.Testing;

namespace HelpDesk.Web.Tests.Localization;

/// <summary>Four languages chosen by ?culture=, the culture cookie or Accept-Language; Vietnamese by default.</summary>
public sealed class CultureTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Vietnamese_is_the_default()
    {
        var (_, page) = await PageClient.For(app).GetAsync("/");
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(ResourceFiles.Value("vi", "Home_Title"), page.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [MemberData(nameof(ResourceParityTests.Cultures_), MemberType = typeof(ResourceParityTests))]
    public async Task Accept_language_picks_the_culture(string culture)
    {
        var client = PageClient.For(app);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var (_, page) = await client.GetAsync("/account/signin");
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(ResourceFiles.Value(culture, "SignIn_Title"), page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task The_language_switcher_sets_the_culture_cookie_and_returns_to_the_same_page()
    {
        var client = PageClient.For(app);
        var (_, page) = await client.GetAsync("/account/signin?culture=en");
        var (response, switched) = await client.SubmitAsync(page, "form.language-switcher", submitName: "culture", submitValue: "zh-Hant");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/account/signin", new Uri(switched.Url).PathAndQuery);
        Assert.Equal("zh-Hant", switched.DocumentElement.GetAttribute("lang"));

        var cookie = client.Cookies.GetCookies(new Uri("http://localhost/"))[".AspNetCore.Culture"];
        Assert.Equal("c=zh-Hant|uic=zh-Hant", Uri.UnescapeDataString(cookie!.Value));
        var (_, later) = await client.GetAsync("/");
        Assert.Equal(ResourceFiles.Value("zh-Hant", "Home_Title"), later.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task An_unknown_culture_is_ignored()
    {
        var client = PageClient.For(app);
        var (_, page) = await client.GetAsync("/");
        await client.SubmitAsync(page, "form.language-switcher", submitName: "culture", submitValue: "fr");
        Assert.Null(client.Cookies.GetCookies(new Uri("http://localhost/"))[".AspNetCore.Culture"]);
    }

    [Fact]
    public async Task The_switcher_never_redirects_to_another_site()
    {
        var client = PageClient.For(app, followRedirects: false);
        var (_, page) = await PageClient.For(app, client.Cookies).GetAsync("/");
        var (response, _) = await client.SubmitAsync(page, "form.language-switcher",
            new Dictionary<string, string> { ["returnUrl"] = "https://evil.example/" }, "culture", "en");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(ResourceParityTests.Cultures_), MemberType = typeof(ResourceParityTests))]
    public async Task Vietnamese_and_chinese_reach_the_browser_as_text_not_entities(string culture)
    {
        var html = await PageClient.For(app).Http.GetStringAsync($"/account/signin?culture={culture}");
        Assert.DoesNotContain("&#x", html);
        Assert.Contains(ResourceFiles.Value(culture, "SignIn_PasskeyHelp"), html);
    }

    [Theory]
    [InlineData("zh-Hans", "Input.UserName", "Field_UserName")]
    [InlineData("zh-Hant", "Input.Password", "Field_Password")]
    [InlineData("vi", "Input.UserName", "Field_UserName")]
    public async Task Validation_messages_are_in_the_visitors_language(string culture, string field, string fieldKey)
    {
        var client = PageClient.For(app);
        var (_, page) = await client.GetAsync($"/account/signin?culture={culture}");
        var (_, result) = await client.SubmitAsync(page, "form[action*='handler=Password']",
            new Dictionary<string, string> { ["Input.UserName"] = "", ["Input.Password"] = "" });
        var expected = string.Format(ResourceFiles.Value(culture, "Validation_Required"), ResourceFiles.Value(culture, fieldKey));
        Assert.Equal(expected, result.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim());
    }

    [Fact]
    public async Task Not_found_pages_are_localised_and_answer_404()
    {
        var client = PageClient.For(app);
        var (response, page) = await client.GetAsync("/no-such-page?culture=zh-Hans");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ResourceFiles.Value(Cultures.SimplifiedChinese, "Error_NotFoundTitle"), page.QuerySelector("h1")?.TextContent);
    }
}
