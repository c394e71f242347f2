using System.Net;
using HelpDesk.Testing;

namespace HelpDesk.Web.Tests.Localization;

/// <summary>Large text is one click away for everyone and is remembered.</summary>
public sealed class DisplayPreferenceTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_large_text_button_turns_large_text_on_and_off_and_remembers_it()
    {
        var client = PageClient.For(app);
        var (_, page) = await client.GetAsync("/procedures");
        Assert.DoesNotContain("text-large", page.DocumentElement.ClassName ?? "");

        var (_, large) = await client.SubmitAsync(page, "form[action='/preferences/textsize']");
        Assert.Equal("/procedures", new Uri(large.Url).AbsolutePath);
        Assert.Contains("text-large", large.DocumentElement.ClassName ?? "");
        Assert.Equal("true", large.QuerySelector("[data-testid=text-size]")?.GetAttribute("aria-pressed"));

        var (_, later) = await client.GetAsync("/");
        Assert.Contains("text-large", later.DocumentElement.ClassName ?? "");
        var (_, normal) = await client.SubmitAsync(later, "form[action='/preferences/textsize']");
        Assert.DoesNotContain("text-large", normal.DocumentElement.ClassName ?? "");
    }

    [Fact]
    public async Task An_unknown_preference_answers_404()
    {
        var client = PageClient.For(app);
        var (_, page) = await client.GetAsync("/");
        var (response, _) = await client.SubmitAsync(page, "form[action='/preferences/textsize']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/preferences/colour")).StatusCode);
    }
}
