using HelpDesk.Domain.Accounts;
using HelpDesk.Testing;

namespace HelpDesk.Web.Tests.Accounts;

/// <summary>People list, add, rename and remove their own passkeys, but never remove their last way in.</summary>
public sealed class PasskeyManagementTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(PageClient Client, SoftwareAuthenticator Phone)> VolunteerWithOnePasskeyAsync()
    {
        var account = await app.CreateAsync(Roles.Volunteer);
        var client = PageClient.For(app);
        await client.SignInAsync(account);
        var phone = new SoftwareAuthenticator();
        var (_, security) = await client.GetAsync("/account/security");
        var (_, added) = await client.UsePasskeyAsync(security, "form[data-passkey=create]", phone);
        Assert.Single(added.QuerySelectorAll("[data-testid=passkeys] tbody tr"));
        return (client, phone);
    }

    [Fact]
    public async Task A_second_passkey_can_be_added_renamed_and_the_first_removed()
    {
        var (client, _) = await VolunteerWithOnePasskeyAsync();
        var (_, security) = await client.GetAsync("/account/security");
        var (_, two) = await client.UsePasskeyAsync(security, "form[data-passkey=create]", new SoftwareAuthenticator());
        Assert.Equal(2, two.QuerySelectorAll("[data-testid=passkeys] tbody tr").Length);

        var (_, renamed) = await client.SubmitAsync(two, "form[action*='handler=Rename']", new Dictionary<string, string> { ["name"] = "Điện thoại của Lan" });
        Assert.Contains(renamed.QuerySelectorAll("[data-testid=passkeys] input[name=name]"), i => i.GetAttribute("value") == "Điện thoại của Lan");

        var (_, one) = await client.SubmitAsync(renamed, "form[action*='handler=Remove']");
        Assert.Single(one.QuerySelectorAll("[data-testid=passkeys] tbody tr"));
    }

    [Fact]
    public async Task The_last_way_to_sign_in_cannot_be_removed()
    {
        var account = await app.CreateAsync(Roles.Volunteer);
        // This account also has the password + authenticator fallback: turn it off to leave the passkey alone.
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services))
        {
            var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HelpDesk.Web.Data.ApplicationUser>>(scope.ServiceProvider);
            var client0 = PageClient.For(app);
            await client0.SignInAsync(account);
            var (_, security0) = await client0.GetAsync("/account/security");
            await client0.UsePasskeyAsync(security0, "form[data-passkey=create]", new SoftwareAuthenticator());
            await users.SetTwoFactorEnabledAsync((await users.FindByIdAsync(account.UserId))!, false);

            var (_, security) = await client0.GetAsync("/account/security");
            var (_, result) = await client0.SubmitAsync(security, "form[action*='handler=Remove']");
            Assert.Single(result.QuerySelectorAll("[data-testid=passkeys] tbody tr"));
            Assert.Equal(Localization.ResourceFiles.Value("vi", "Security_CannotRemoveLast"),
                result.QuerySelector("[data-testid=security-message]")?.TextContent.Trim());
        }
    }

    [Fact]
    public async Task A_passkey_of_someone_else_cannot_be_removed()
    {
        var (victim, _) = await VolunteerWithOnePasskeyAsync();
        var (_, victimPage) = await victim.GetAsync("/account/security");
        var victimCredential = victimPage.QuerySelector("form[action*='handler=Remove'] input[name=credentialId]")!.GetAttribute("value")!;

        var (attacker, _) = await VolunteerWithOnePasskeyAsync();
        var (_, attackerPage) = await attacker.GetAsync("/account/security");
        var (response, _) = await attacker.SubmitAsync(attackerPage, "form[action*='handler=Remove']",
            new Dictionary<string, string> { ["credentialId"] = victimCredential });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);

        var (_, stillThere) = await victim.GetAsync("/account/security");
        Assert.Single(stillThere.QuerySelectorAll("[data-testid=passkeys] tbody tr"));
    }
}
