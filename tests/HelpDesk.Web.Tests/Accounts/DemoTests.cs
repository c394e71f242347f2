using HelpDesk.Domain.Accounts;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Accounts;

/// <summary>Training mode seeds a sample ward so a newcomer can click through; its password comes from configuration only.</summary>
public sealed class DemoTests
{
    private static HelpDeskApp DemoApp(string? password) => new(settings: new Dictionary<string, string?>
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
    }
}
