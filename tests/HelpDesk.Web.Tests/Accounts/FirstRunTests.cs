using System.Net;
using HelpDesk.Domain.Accounts;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Accounts;

/// <summary>An empty database prints a one-time link; following it creates the ward and the first coordinator with a passkey.</summary>
public abstract class FirstRunTests(DatabaseProviderChoice choice)
{
    private HelpDeskApp NewApp() => new(choice.Provider);

    [Fact]
    public async Task Setup_link_creates_the_ward_and_a_coordinator_who_signs_in_with_the_passkey()
    {
        await using var app = NewApp();
        var link = new Uri(await app.SetupLinkAsync());
        var client = PageClient.For(app);
        var authenticator = new SoftwareAuthenticator();

        var (_, details) = await client.GetAsync(link.PathAndQuery);
        Assert.NotNull(details.QuerySelector("input[name='Input.WardName']"));
        var (_, passkeyStep) = await client.SubmitAsync(details, "main form", new Dictionary<string, string>
        {
            ["Input.WardName"] = "Phường Chợ Quán",
            ["Input.Province"] = "Thành phố Hồ Chí Minh",
            ["Input.DisplayName"] = "Trần Thị Mai",
            ["Input.UserName"] = "mai.tran",
        });
        var (response, security) = await client.UsePasskeyAsync(passkeyStep, "form[data-passkey=create]", authenticator);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(security.QuerySelector("[data-testid=welcome]"));
        Assert.Single(security.QuerySelectorAll("[data-testid=passkeys] tbody tr"));

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
            var coordinator = await users.FindByNameAsync("mai.tran");
            Assert.NotNull(coordinator);
            Assert.True(await users.IsInRoleAsync(coordinator, Roles.Coordinator));
            Assert.False(await users.HasPasswordAsync(coordinator));
            var ward = await db.Wards.SingleAsync(w => w.Id == coordinator.WardId);
            Assert.Equal("Phường Chợ Quán", ward.Name);
        }

        // Signed out, the same passkey signs her in again, without a user name.
        var fresh = PageClient.For(app);
        var (_, signIn) = await fresh.GetAsync("/account/signin");
        var (_, home) = await fresh.UsePasskeyAsync(signIn, "form[data-passkey=get]", authenticator);
        Assert.Contains("Trần Thị Mai", home.QuerySelector("[data-testid=signed-in-as]")?.TextContent);
    }

    [Fact]
    public async Task Setup_link_works_once_and_no_new_link_is_printed_once_a_coordinator_exists()
    {
        await using var app = NewApp();
        var link = new Uri(await app.SetupLinkAsync());
        var client = PageClient.For(app);
        var (_, details) = await client.GetAsync(link.PathAndQuery);
        var (_, passkeyStep) = await client.SubmitAsync(details, "main form", new Dictionary<string, string>
        {
            ["Input.WardName"] = "Phường Bến Thành", ["Input.Province"] = "Thành phố Hồ Chí Minh",
            ["Input.DisplayName"] = "Lê Văn Tám", ["Input.UserName"] = "tam.le",
        });
        await client.UsePasskeyAsync(passkeyStep, "form[data-passkey=create]", new SoftwareAuthenticator());

        var (_, again) = await PageClient.For(app).GetAsync(link.PathAndQuery);
        Assert.NotNull(again.QuerySelector("[data-testid=join-error]"));
        Assert.Null(again.QuerySelector("input[name='Input.UserName']"));

        // Restart on the same data: a coordinator exists, so no link.
        await using var restarted = app.Restart();
        await app.DisposeAsync();
        _ = restarted.Services;
        await Task.Delay(500);
        Assert.DoesNotContain(restarted.Logs.Messages, m => m.Contains("/join/"));
    }

    [Fact]
    public async Task Each_start_on_an_empty_database_replaces_the_previous_setup_link()
    {
        await using var first = NewApp();
        var oldLink = new Uri(await first.SetupLinkAsync());
        await using var second = first.Restart();
        await first.DisposeAsync();
        var newLink = new Uri(await second.SetupLinkAsync());

        Assert.NotEqual(oldLink, newLink);
        var client = PageClient.For(second);
        var (_, oldPage) = await client.GetAsync(oldLink.PathAndQuery);
        Assert.NotNull(oldPage.QuerySelector("[data-testid=join-error]"));
        var (_, newPage) = await client.GetAsync(newLink.PathAndQuery);
        Assert.NotNull(newPage.QuerySelector("input[name='Input.WardName']"));
    }

    [Fact]
    public async Task Details_are_validated_before_any_passkey_is_asked_for()
    {
        await using var app = NewApp();
        var link = new Uri(await app.SetupLinkAsync());
        var client = PageClient.For(app);
        var (_, details) = await client.GetAsync(link.PathAndQuery);
        var (_, again) = await client.SubmitAsync(details, "main form", new Dictionary<string, string>
        {
            ["Input.WardName"] = "", ["Input.Province"] = "", ["Input.DisplayName"] = "", ["Input.UserName"] = "Tên có dấu",
        });
        Assert.Null(again.QuerySelector("form[data-passkey]"));
        Assert.Equal(4, again.QuerySelectorAll(".field-error").Count(e => e.TextContent.Trim().Length > 0));
    }
}

/// <summary>Which database a provider-parameterised suite runs on.</summary>
public sealed record DatabaseProviderChoice(HelpDesk.Web.Setup.DatabaseProvider Provider)
{
    public static readonly DatabaseProviderChoice Sqlite = new(HelpDesk.Web.Setup.DatabaseProvider.Sqlite);
    public static readonly DatabaseProviderChoice Postgres = new(HelpDesk.Web.Setup.DatabaseProvider.Postgres);
}

public sealed class FirstRunTestsOnSqlite() : FirstRunTests(DatabaseProviderChoice.Sqlite);
public sealed class FirstRunTestsOnPostgres() : FirstRunTests(DatabaseProviderChoice.Postgres);
