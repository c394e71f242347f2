using System.Net;
using HelpDesk.Domain.Accounts;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Accounts;

/// <summary>A coordinator invites by a single-use, expiring link; the invitee enrols a passkey and gets the role.</summary>
public abstract class InvitationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : HelpDeskApp
{
    private async Task<(PageClient Coordinator, string Link)> InviteAsync(string role, string name = "Nguyễn Minh Anh")
    {
        var coordinator = await app.CreateAsync(Roles.Coordinator);
        var client = PageClient.For(app);
        await client.SignInAsync(coordinator);
        var (_, page) = await client.GetAsync("/staff/invitations");
        var (_, created) = await client.SubmitAsync(page, "form[action*='handler=Create']", new Dictionary<string, string>
        {
            ["Input.Role"] = role,
            ["Input.DisplayName"] = name,
        });
        var link = created.QuerySelector("[data-testid=invitation-link]")?.TextContent.Trim()
            ?? throw new InvalidOperationException("No invitation link shown.");
        Assert.NotNull(created.QuerySelector("[data-testid=new-invitation] img.qr"));
        return (client, link);
    }

    private async Task AcceptAsync(string link, string userName)
    {
        var invitee = PageClient.For(app);
        var (_, details) = await invitee.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal("Nguyễn Minh Anh", (details.QuerySelector("input[name='Input.DisplayName']") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value);
        var (_, passkeyStep) = await invitee.SubmitAsync(details, "main form", new Dictionary<string, string> { ["Input.UserName"] = userName });
        var (response, _) = await invitee.UsePasskeyAsync(passkeyStep, "form[data-passkey=create]", new SoftwareAuthenticator());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Invited_volunteer_enrols_a_passkey_and_gets_the_role_in_the_coordinators_ward()
    {
        var (_, link) = await InviteAsync(Roles.Volunteer);
        var userName = "vol." + Guid.NewGuid().ToString("N")[..8];
        await AcceptAsync(link, userName);

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var volunteer = await users.FindByNameAsync(userName);
        Assert.NotNull(volunteer);
        Assert.True(await users.IsInRoleAsync(volunteer, Roles.Volunteer));
        Assert.Single(await users.GetPasskeysAsync(volunteer));
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        Assert.Equal("Phường Thử Nghiệm", (await db.Wards.SingleAsync(w => w.Id == volunteer.WardId)).Name);
    }

    [Fact]
    public async Task An_invitation_link_works_only_once()
    {
        var (_, link) = await InviteAsync(Roles.WardStaff);
        await AcceptAsync(link, "staff." + Guid.NewGuid().ToString("N")[..8]);

        var (_, again) = await PageClient.For(app).GetAsync(new Uri(link).PathAndQuery);
        Assert.NotNull(again.QuerySelector("[data-testid=join-error]"));
        Assert.Null(again.QuerySelector("input[name='Input.UserName']"));
    }

    [Fact]
    public async Task A_withdrawn_invitation_no_longer_opens()
    {
        var (coordinator, link) = await InviteAsync(Roles.Leader);
        var (_, page) = await coordinator.GetAsync("/staff/invitations");
        Assert.NotNull(page.QuerySelector("form[action*='handler=Revoke']"));
        while (page.QuerySelector("form[action*='handler=Revoke']") is not null)
            (_, page) = await coordinator.SubmitAsync(page, "form[action*='handler=Revoke']");
        var (_, opened) = await PageClient.For(app).GetAsync(new Uri(link).PathAndQuery);
        Assert.NotNull(opened.QuerySelector("[data-testid=join-error]"));
    }

    [Fact]
    public async Task An_expired_invitation_does_not_open()
    {
        var (invitation, secret) = Invitation.Issue(Roles.Volunteer, null, null, null,
            DateTimeOffset.UtcNow.AddHours(-100), TimeSpan.FromHours(72));
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
        }
        var (_, page) = await PageClient.For(app).GetAsync($"/join/{secret}");
        Assert.NotNull(page.QuerySelector("[data-testid=join-error]"));
    }

    [Theory]
    [InlineData(Roles.WardStaff)]
    [InlineData(Roles.Leader)]
    [InlineData(Roles.Volunteer)]
    [InlineData(Roles.Resident)]
    public async Task Only_coordinators_may_invite(string role)
    {
        var person = await app.CreateAsync(role);
        var client = PageClient.For(app, followRedirects: false);
        var signIn = PageClient.For(app, client.Cookies);
        await signIn.SignInAsync(person);
        var response = await client.Http.GetAsync("/staff/invitations");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task A_resident_role_cannot_be_handed_out_by_invitation()
    {
        var coordinator = await app.CreateAsync(Roles.Coordinator);
        var client = PageClient.For(app);
        await client.SignInAsync(coordinator);
        var (_, page) = await client.GetAsync("/staff/invitations");
        var (_, result) = await client.SubmitAsync(page, "form[action*='handler=Create']", new Dictionary<string, string> { ["Input.Role"] = Roles.Resident });
        Assert.Null(result.QuerySelector("[data-testid=invitation-link]"));
        Assert.NotEmpty(result.QuerySelector(".field-error")?.TextContent.Trim() ?? "");
    }
}

public sealed class InvitationTestsOnSqlite(SqliteApp app) : InvitationTests<SqliteApp>(app);
public sealed class InvitationTestsOnPostgres(PostgresApp app) : InvitationTests<PostgresApp>(app);
