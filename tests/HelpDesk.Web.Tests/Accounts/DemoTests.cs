using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Testing;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Accounts;

/// <summary>Training mode seeds a sample ward so a newcomer can click through; its password comes from configuration only.</summary>
public sealed class DemoTests
{
    private static HelpDeskApp DemoApp(string? password, DatabaseProvider provider = DatabaseProvider.Sqlite) => new(provider, settings: new Dictionary<string, string?>
    {
        ["HelpDesk:Demo:Enabled"] = "true",
        ["HelpDesk:Demo:Password"] = password,
    });

    [Fact]
    public async Task Demo_mode_seeds_a_ward_two_points_and_an_account_for_every_role()
    {
        await using var app = DemoApp(HelpDeskApp.DemoPassword);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var ward = await db.Wards.SingleAsync(w => w.Name == DemoSeeder.DemoWardName);
        Assert.Equal(2, await db.ServicePoints.CountAsync(p => p.WardId == ward.Id));
        foreach (var role in Roles.All)
            Assert.NotEmpty(await users.GetUsersInRoleAsync(role));
    }

    [Fact]
    public async Task Demo_mode_seeds_residents_with_dossiers_in_every_state_of_the_queue()
    {
        await using var app = DemoApp(HelpDeskApp.DemoPassword);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();

        var ward = await db.Wards.SingleAsync(w => w.Name == DemoSeeder.DemoWardName);
        Assert.Equal(6, await db.Residents.CountAsync(r => r.WardId == ward.Id));
        Assert.Equal(2, await db.Residents.CountAsync(r => r.AccountUserId != null));
        var dossiers = await db.Dossiers.ToListAsync();
        Assert.Equal(
            [DossierStatus.Submitted, DossierStatus.Received, DossierStatus.InProcessing, DossierStatus.NeedsSupplement,
             DossierStatus.ResultReady, DossierStatus.Returned],
            dossiers.Select(d => d.Status).Distinct().Order());
        Assert.Contains(dossiers, d => d.Extended && d.DueDate > d.OriginalDueDate);
        Assert.Contains(dossiers, d => d.RequestedDocuments.Count > 0);
        Assert.All(dossiers, d => Assert.True(d.SubmittedAt < app.Clock.GetUtcNow()));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AuditLog>().FirstBrokenAsync());
    }

    [Fact]
    public async Task Demo_mode_seeds_its_dossiers_in_one_transaction_on_PostgreSQL_too()
    {
        await using var app = DemoApp(HelpDeskApp.DemoPassword, DatabaseProviderChoice.Postgres.Provider);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();

        Assert.Equal(8, await db.Dossiers.CountAsync());
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AuditLog>().FirstBrokenAsync());
    }

    [Fact]
    public async Task The_demo_officer_finds_the_dossiers_in_the_queue_a_late_one_and_one_due_soon()
    {
        await using var app = DemoApp(HelpDeskApp.DemoPassword);
        var client = PageClient.For(app);
        await client.SignInAsync(await DemoAccountWithAuthenticatorAsync(app, "demo.staff", Roles.WardStaff));

        var (_, open) = await client.GetAsync("/staff/dossiers");
        Assert.Equal(7, open.QuerySelectorAll("[data-testid=queue-row]").Length); // all but the one returned
        var (_, late) = await client.GetAsync("/staff/dossiers?view=Late");
        Assert.NotNull(Assert.Single(late.QuerySelectorAll("[data-testid=queue-row]")).QuerySelector("[data-testid=late]"));
        var (_, dueSoon) = await client.GetAsync("/staff/dossiers?view=DueSoon");
        Assert.NotEmpty(dueSoon.QuerySelectorAll("[data-testid=queue-row]"));
        var (_, closed) = await client.GetAsync("/staff/dossiers?view=Closed");
        Assert.Single(closed.QuerySelectorAll("[data-testid=queue-row]"));
    }

    [Fact]
    public async Task A_demo_resident_sees_their_dossiers_on_their_page()
    {
        await using var app = DemoApp(HelpDeskApp.DemoPassword);
        var client = PageClient.For(app);
        var (_, page) = await client.GetAsync("/account/signin");
        await client.SubmitAsync(page, "form[action*='handler=Password']", new Dictionary<string, string>
        {
            ["Input.UserName"] = "demo.resident1", ["Input.Password"] = HelpDeskApp.DemoPassword,
        });

        var (_, me) = await client.GetAsync("/me");
        Assert.Equal(2, me.QuerySelectorAll("[data-testid=my-dossier]").Length);
    }

    [Fact]
    public async Task A_demo_volunteer_signs_in_with_the_configured_password()
    {
        await using var app = DemoApp(HelpDeskApp.DemoPassword);
        var client = PageClient.For(app);
        var (_, page) = await client.GetAsync("/account/signin");
        var (_, home) = await client.SubmitAsync(page, "form[action*='handler=Password']", new Dictionary<string, string>
        {
            ["Input.UserName"] = "demo.volunteer1", ["Input.Password"] = HelpDeskApp.DemoPassword,
        });
        Assert.NotNull(home.QuerySelector("[data-testid=signed-in-as]"));
    }

    [Fact]
    public async Task Demo_mode_without_a_password_refuses_to_start()
    {
        await using var app = DemoApp(password: "");
        var error = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("HelpDesk:Demo:Password", error.ToString());
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing()
    {
        await using var app = DemoApp(HelpDeskApp.DemoPassword);
        _ = app.Services;
        await using var restarted = app.Restart();
        await app.DisposeAsync();
        using var scope = restarted.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        Assert.Equal(1, await db.Wards.CountAsync());
        Assert.Equal(DemoSeeder.Accounts.Count, await db.Users.CountAsync());
        Assert.Equal(6, await db.Residents.CountAsync());
        Assert.Equal(8, await db.Dossiers.CountAsync());
    }

    /// <summary>Officers sign in with an authenticator code; the demo leaves enrolment to the newcomer, the test enrols here.</summary>
    private static async Task<TestAccount> DemoAccountWithAuthenticatorAsync(HelpDeskApp app, string userName, string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No {userName}.");
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
        return new TestAccount(user.Id, userName, HelpDeskApp.DemoPassword, key, role, user.WardId!.Value);
    }
}
