using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Testing;
using HelpDesk.Web.Pages;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HelpDesk.Web.Tests.Dossiers;

/// <summary>
/// The public tracking page is served from the output cache between moves: a staff move shows at once, each
/// language keeps its own copy, known and unknown codes are cached alike, nothing cached sets a cookie, and the
/// rate limit still counts cached answers.
/// </summary>
public abstract class TrackingCacheTests(DatabaseProviderChoice choice)
{
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    private sealed record Tracked(HelpDeskApp App, Dossier Filed, HttpClient Anonymous) : IAsyncDisposable
    {
        public string Page => "/t/" + Filed.TrackingCodeCompact;
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private async Task<Tracked> FiledAsync(Dictionary<string, string?>? settings = null)
    {
        var app = new HelpDeskApp(choice.Provider, settings: settings);
        app.SetClock(During);
        var dossier = await app.FileBirthRegistrationAsync("Quách Thị Ngọc", "郭氏玉");
        // No cookie jar: every request says exactly which cookies it carries, and Set-Cookie stays visible.
        return new Tracked(app, dossier, app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));
    }

    private static Task<(HttpResponseMessage Response, IHtmlDocument Page)> VisitAsync(HttpClient http, string path, string? culture = null) =>
        VisitWithCookieAsync(http, path, culture is null
            ? null
            : $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)))}");

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> VisitWithCookieAsync(HttpClient http, string path, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request);
        return (response, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The output cache answers with the entry's age; a freshly rendered page has none.</summary>
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private static string Status(IHtmlDocument page) => page.QuerySelector("[data-testid=track-status]")!.TextContent.Trim();

    [Fact]
    public async Task A_staff_move_shows_on_the_cached_page_at_once()
    {
        await using var tracked = await FiledAsync();
        await VisitAsync(tracked.Anonymous, tracked.Page);
        var (cached, before) = await VisitAsync(tracked.Anonymous, tracked.Page);
        Assert.True(FromCache(cached));
        Assert.Equal(ResourceFiles.Value("vi", "DossierStatus_Submitted"), Status(before));

        var staff = PageClient.For(tracked.App);
        await staff.SignInAsync(await tracked.App.CreateAsync(Roles.WardStaff));
        var (_, dossierPage) = await staff.GetAsync($"/staff/dossiers/{tracked.Filed.Id}");
        await staff.SubmitAsync(dossierPage, $"[data-testid=move-{DossierIntent.Receive}]");

        var (fresh, after) = await VisitAsync(tracked.Anonymous, tracked.Page);
        Assert.False(FromCache(fresh));
        Assert.Equal(ResourceFiles.Value("vi", "DossierStatus_Received"), Status(after));
    }

    [Fact]
    public async Task Each_language_is_served_its_own_cached_copy()
    {
        await using var tracked = await FiledAsync();
        string?[] cultures = [null, "zh-Hant", "en", "zh-Hans", "vi"];

        foreach (var round in new[] { "render", "cached" })
            foreach (var culture in cultures)
            {
                var (response, page) = await VisitAsync(tracked.Anonymous, tracked.Page, culture);
                Assert.Equal(ResourceFiles.Value(culture ?? "vi", "DossierStatus_Submitted"), Status(page));
                Assert.Equal(culture ?? "vi", page.DocumentElement.GetAttribute("lang"));
                // The default language and an explicit "vi" share one copy: the first "vi" visit is already cached.
                Assert.Equal(round == "cached" || culture == "vi", FromCache(response));
            }
    }

    [Fact]
    public async Task Large_text_and_signed_in_visitors_never_get_the_plain_anonymous_copy()
    {
        await using var tracked = await FiledAsync();
        await VisitAsync(tracked.Anonymous, tracked.Page);
        Assert.True(FromCache((await VisitAsync(tracked.Anonymous, tracked.Page)).Response));

        var (largeFirst, large) = await VisitWithCookieAsync(tracked.Anonymous, tracked.Page, $"{DisplayPreferences.TextSizeCookie}={DisplayPreferences.Large}");
        Assert.False(FromCache(largeFirst));
        Assert.Equal("text-large", large.DocumentElement.GetAttribute("class"));
        Assert.True(FromCache((await VisitWithCookieAsync(tracked.Anonymous, tracked.Page, $"{DisplayPreferences.TextSizeCookie}={DisplayPreferences.Large}")).Response));

        // Signed in: the page carries the sign-out button and the idle sign-out timer, so it is always rendered.
        var staff = PageClient.For(tracked.App);
        await staff.SignInAsync(await tracked.App.CreateAsync(Roles.WardStaff));
        for (var i = 0; i < 2; i++)
        {
            var (response, page) = await staff.GetAsync(tracked.Page);
            Assert.False(FromCache(response));
            Assert.NotNull(page.QuerySelector("[data-testid=sign-out]"));
            Assert.NotNull(page.Body!.GetAttribute("data-idle-seconds"));
        }
    }

    [Fact]
    public async Task Known_and_unknown_codes_are_cached_alike_and_no_cached_answer_sets_a_cookie()
    {
        await using var tracked = await FiledAsync();
        var unknown = "/t/" + TrackingCode.New().Compact;

        foreach (var path in new[] { unknown, tracked.Page })
        {
            var (first, page) = await VisitAsync(tracked.Anonymous, path);
            // A token would be one visitor's, handed to everyone with the cached copy.
            Assert.Empty(page.QuerySelectorAll("input[name=__RequestVerificationToken]"));
            var (second, _) = await VisitAsync(tracked.Anonymous, path);
            Assert.Equal(first.StatusCode, second.StatusCode);
            Assert.False(FromCache(first));
            Assert.True(FromCache(second));
            Assert.False(first.Headers.Contains("Set-Cookie"));
            Assert.False(second.Headers.Contains("Set-Cookie"));
            Assert.Equal("no-store", second.Headers.CacheControl!.ToString());
            Assert.NotNull(second.Headers.GetValues("Content-Security-Policy").Single());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await VisitAsync(tracked.Anonymous, unknown)).Response.StatusCode);

        // A language chosen by ?culture= is answered fresh, with the cookie that remembers it.
        var (chosen, chinese) = await VisitAsync(tracked.Anonymous, tracked.Page + "?culture=zh-Hant");
        Assert.False(FromCache(chosen));
        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CookieRequestCultureProvider.DefaultCookieName));
        Assert.Equal(ResourceFiles.Value("zh-Hant", "DossierStatus_Submitted"), Status(chinese));
    }

    [Fact]
    public async Task Cached_answers_count_against_the_rate_limit()
    {
        await using var tracked = await FiledAsync(new() { ["HelpDesk:Security:PublicCodeLimitPerMinute"] = "5" });
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await VisitAsync(tracked.Anonymous, tracked.Page)).Response.StatusCode);

        var (blocked, page) = await VisitAsync(tracked.Anonymous, tracked.Page);

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal(ResourceFiles.Value("vi", "Error_TooManyTitle"), page.QuerySelector("h1")!.TextContent.Trim());
    }
}

public sealed class TrackingCacheTestsOnSqlite() : TrackingCacheTests(DatabaseProviderChoice.Sqlite);
public sealed class TrackingCacheTestsOnPostgres() : TrackingCacheTests(DatabaseProviderChoice.Postgres);
