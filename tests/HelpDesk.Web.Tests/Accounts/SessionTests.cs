using System.Net;
using HelpDesk.Domain.Accounts;
using HelpDesk.Testing;

namespace HelpDesk.Web.Tests.Accounts;

/// <summary>Sessions survive a restart (data-protection keys persist) but not idleness on a shared PC.</summary>
public abstract class SessionTests(DatabaseProviderChoice choice)
{
    [Fact]
    public async Task A_restart_signs_nobody_out()
    {
        await using var app = new HelpDeskApp(choice.Provider);
        var client = PageClient.For(app);
        await client.SignInAsync(await app.CreateAsync(Roles.Volunteer));

        await using var restarted = app.Restart();
        await app.DisposeAsync();
        var after = PageClient.For(restarted, client.Cookies, followRedirects: false);
        var response = await after.Http.GetAsync("/account/security");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class SessionTestsOnSqlite() : SessionTests(DatabaseProviderChoice.Sqlite);
public sealed class SessionTestsOnPostgres() : SessionTests(DatabaseProviderChoice.Postgres);

public sealed class IdleSessionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Fifteen_idle_minutes_sign_a_shared_pc_out()
    {
        await using var idleApp = new HelpDeskApp();
        var client = PageClient.For(idleApp, followRedirects: false);
        await PageClient.For(idleApp, client.Cookies).SignInAsync(await idleApp.CreateAsync(Roles.Volunteer));
        var (_, home) = await PageClient.For(idleApp, client.Cookies).GetAsync("/");
        Assert.Equal((15 * 60).ToString(), home.Body!.GetAttribute("data-idle-seconds"));

        idleApp.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/security")).StatusCode);
        idleApp.Clock.Advance(TimeSpan.FromMinutes(14)); // activity above renewed the session
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/security")).StatusCode);
        idleApp.Clock.Advance(TimeSpan.FromMinutes(16));
        var response = await client.Http.GetAsync("/account/security");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Keep_alive_renews_a_signed_in_session_and_refuses_anonymous_callers()
    {
        var cookies = await app.SessionOfAsync(Roles.Volunteer);
        var client = PageClient.For(app, cookies, followRedirects: false);
        var (_, home) = await PageClient.For(app, cookies).GetAsync("/");
        var (response, _) = await client.SubmitAsync(home, "#idle-keepalive");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var anonymous = PageClient.For(app, followRedirects: false);
        var refused = await anonymous.Http.PostAsync("/account/keepalive", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.NoContent, refused.StatusCode);
    }

    [Fact]
    public async Task Anonymous_pages_carry_no_idle_timer()
    {
        var (_, page) = await PageClient.For(app).GetAsync("/");
        Assert.True(string.IsNullOrEmpty(page.Body!.GetAttribute("data-idle-seconds")));
        Assert.Null(page.QuerySelector("#idle-warning"));
    }
}
