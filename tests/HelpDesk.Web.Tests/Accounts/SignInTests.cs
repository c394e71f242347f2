using System.Net;
using HelpDesk.Domain.Accounts;
using HelpDesk.Testing;
using HelpDesk.Web.Setup;
using HelpDesk.Web.Tests.Localization;

namespace HelpDesk.Web.Tests.Accounts;

/// <summary>The fallback route: a password that only works with an authenticator code, and lockout.</summary>
public abstract class SignInTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : HelpDeskApp
{
    private static Dictionary<string, string> Credentials(string userName, string password) => new()
    {
        ["Input.UserName"] = userName,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task Password_and_authenticator_code_sign_a_volunteer_in()
    {
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var client = PageClient.For(app);
        await client.SignInAsync(volunteer); // throws unless the home page greets the signed-in user
        var (_, security) = await client.GetAsync("/account/security");
        Assert.NotNull(security.QuerySelector("[data-testid=set-up-fallback]"));
    }

    [Fact]
    public async Task A_wrong_authenticator_code_is_refused()
    {
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var client = PageClient.For(app);
        var (_, page) = await client.GetAsync("/account/signin");
        var (_, codePage) = await client.SubmitAsync(page, "form[action*='handler=Password']", Credentials(volunteer.UserName, volunteer.Password));
        var wrong = volunteer.CurrentCode() == "000000" ? "111111" : "000000";
        var (_, result) = await client.SubmitAsync(codePage, "main form", new Dictionary<string, string> { ["Code"] = wrong });
        Assert.NotNull(result.QuerySelector("[data-testid=sign-in-error]"));
        Assert.Null(result.QuerySelector("[data-testid=signed-in-as]"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var client = PageClient.For(app);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (_, page) = await client.GetAsync("/account/signin");
            await client.SubmitAsync(page, "form[action*='handler=Password']", Credentials(volunteer.UserName, "wrong-password-123"));
        }
        var (_, signIn) = await client.GetAsync("/account/signin");
        var (_, locked) = await client.SubmitAsync(signIn, "form[action*='handler=Password']", Credentials(volunteer.UserName, volunteer.Password));
        Assert.Null(locked.QuerySelector("input[name=Code]"));
        Assert.Equal(Text("SignIn_LockedOut"), locked.QuerySelector("[data-testid=sign-in-error]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var client = PageClient.For(app);
        await client.SignInAsync(volunteer);
        var (_, home) = await client.GetAsync("/");
        await client.SubmitAsync(home, "form[action='/account/signout']");
        var (_, after) = await client.GetAsync("/account/security");
        Assert.EndsWith("/account/signin", new Uri(after.Url).AbsolutePath);
    }

    private static string Text(string key) => ResourceFiles.Value("vi", key);
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests<SqliteApp>(app);
public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests<PostgresApp>(app);

public sealed class PasswordOnlyTests
{
    [Fact]
    public async Task A_password_alone_is_refused_outside_training_mode()
    {
        await using var app = new HelpDeskApp();
        var account = await app.CreateAsync(Roles.Volunteer);
        await DisableAuthenticatorAsync(app, account);
        var client = PageClient.For(app);
        var (_, page) = await client.GetAsync("/account/signin");
        var (_, result) = await client.SubmitAsync(page, "form[action*='handler=Password']", new Dictionary<string, string>
        {
            ["Input.UserName"] = account.UserName, ["Input.Password"] = account.Password,
        });
        Assert.Equal(ResourceFiles.Value("vi", "SignIn_PasswordNeedsAuthenticator"), result.QuerySelector("[data-testid=sign-in-error]")?.TextContent.Trim());
        var (_, security) = await client.GetAsync("/account/security");
        Assert.EndsWith("/account/signin", new Uri(security.Url).AbsolutePath);
    }

    private static async Task DisableAuthenticatorAsync(HelpDeskApp app, TestAccount account)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HelpDesk.Web.Data.ApplicationUser>>(scope.ServiceProvider);
        var user = await users.FindByIdAsync(account.UserId);
        await users.SetTwoFactorEnabledAsync(user!, false);
    }
}
