using System.Net;
using HelpDesk.Domain.Accounts;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Tests.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Points;

/// <summary>A coordinator assigns volunteers to points and ends their access at once by deactivating them.</summary>
public abstract class VolunteerTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : HelpDeskApp
{
    private static string Row(TestAccount person) => $"[data-testid=person][data-user-name='{person.UserName}']";

    private async Task<PageClient> SignedInAsync(TestAccount account, bool followRedirects = true)
    {
        var client = PageClient.For(app, followRedirects: followRedirects);
        await PageClient.For(app, client.Cookies).SignInAsync(account);
        return client;
    }

    [Fact]
    public async Task Ticked_points_are_saved_as_the_volunteers_assignments()
    {
        var coordinator = await app.CreateAsync(Roles.Coordinator);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var first = await PointBuilder.InWard(coordinator.WardId).SaveAsync(app);
        var second = await PointBuilder.InWard(coordinator.WardId).SaveAsync(app);
        var client = await SignedInAsync(coordinator);
        var (_, page) = await client.GetAsync("/staff/volunteers");

        var (_, saved) = await client.SubmitAsync(page, $"{Row(volunteer)} [data-testid=assign]",
            new Dictionary<string, string> { ["points"] = first.Id.ToString() });
        Assert.Equal([first.Id], await AssignedPointsAsync(volunteer));
        Assert.True(saved.QuerySelector($"{Row(volunteer)} input[value='{first.Id}']")?.HasAttribute("checked"));

        await client.SubmitAsync(saved, $"{Row(volunteer)} [data-testid=assign]",
            new Dictionary<string, string> { ["points"] = second.Id.ToString() });
        Assert.Equal([second.Id], await AssignedPointsAsync(volunteer));
    }

    [Fact]
    public async Task Only_volunteers_and_ward_officers_of_the_coordinators_ward_are_listed()
    {
        var coordinator = await app.CreateAsync(Roles.Coordinator);
        var staff = await app.CreateAsync(Roles.WardStaff);
        var leader = await app.CreateAsync(Roles.Leader);
        var resident = await app.CreateAsync(Roles.Resident);
        var elsewhere = await app.CreateAsync(Roles.Volunteer);
        await MoveToAnotherWardAsync(elsewhere);
        var client = await SignedInAsync(coordinator);

        var (_, page) = await client.GetAsync("/staff/volunteers");

        var listed = page.QuerySelectorAll("[data-testid=person]").Select(r => r.GetAttribute("data-user-name")).ToList();
        Assert.Contains(staff.UserName, listed);
        Assert.DoesNotContain(leader.UserName, listed);
        Assert.DoesNotContain(resident.UserName, listed);
        Assert.DoesNotContain(elsewhere.UserName, listed);
        Assert.DoesNotContain(coordinator.UserName, listed);
    }

    [Fact]
    public async Task Deactivating_a_volunteer_ends_their_open_session_at_the_next_request_and_reactivating_lets_them_back_in()
    {
        var coordinator = await app.CreateAsync(Roles.Coordinator);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var desk = await SignedInAsync(volunteer, followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, (await desk.Http.GetAsync("/account/security")).StatusCode);
        var client = await SignedInAsync(coordinator);
        var (_, page) = await client.GetAsync("/staff/volunteers");

        var (_, deactivated) = await client.SubmitAsync(page, $"{Row(volunteer)} form[action*='handler=Deactivate']");

        Assert.Equal("false", deactivated.QuerySelector($"{Row(volunteer)} [data-testid=person-state]")?.GetAttribute("data-active"));
        var next = await desk.Http.GetAsync("/account/security");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/account/signin", next.Headers.Location?.AbsolutePath);
        await Assert.ThrowsAsync<InvalidOperationException>(() => PageClient.For(app).SignInAsync(volunteer));

        await client.SubmitAsync(deactivated, $"{Row(volunteer)} form[action*='handler=Reactivate']");

        var again = await SignedInAsync(volunteer, followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/account/security")).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_cannot_deactivate_themselves()
    {
        var coordinator = await app.CreateAsync(Roles.Coordinator);
        await AddRoleAsync(coordinator, Roles.WardStaff);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var client = await SignedInAsync(coordinator);
        var (_, page) = await client.GetAsync("/staff/volunteers?culture=zh-Hans");
        Assert.NotNull(page.QuerySelector(Row(coordinator)));
        Assert.Null(page.QuerySelector($"{Row(coordinator)} [data-testid=deactivate]"));

        var (response, refused) = await client.SubmitAsync(page, $"{Row(volunteer)} form[action*='handler=Deactivate']",
            new Dictionary<string, string> { ["userId"] = coordinator.UserId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResourceFiles.Value("zh-Hans", "Volunteers_CannotDeactivateSelf"), refused.QuerySelector("[data-testid=volunteers-error]")?.TextContent.Trim());
        Assert.True(await IsActiveAsync(coordinator));
        Assert.True(await IsActiveAsync(volunteer));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/volunteers")).Response.StatusCode);
    }

    [Fact]
    public async Task Someone_of_another_ward_cannot_be_deactivated_or_assigned()
    {
        var coordinator = await app.CreateAsync(Roles.Coordinator);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var elsewhere = await app.CreateAsync(Roles.Volunteer);
        await MoveToAnotherWardAsync(elsewhere);
        var point = await PointBuilder.InWard(coordinator.WardId).SaveAsync(app);
        var client = await SignedInAsync(coordinator);
        var (_, page) = await client.GetAsync("/staff/volunteers");

        var (deactivate, _) = await client.SubmitAsync(page, $"{Row(volunteer)} form[action*='handler=Deactivate']",
            new Dictionary<string, string> { ["userId"] = elsewhere.UserId });
        var (assign, _) = await client.SubmitAsync(page, $"{Row(volunteer)} [data-testid=assign]",
            new Dictionary<string, string> { ["userId"] = elsewhere.UserId, ["points"] = point.Id.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, assign.StatusCode);
        Assert.True(await IsActiveAsync(elsewhere));
        Assert.Empty(await AssignedPointsAsync(elsewhere));
    }

    private async Task<List<Guid>> AssignedPointsAsync(TestAccount person)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        return await db.PointAssignments.Where(a => a.UserId == person.UserId).Select(a => a.PointId).ToListAsync();
    }

    private async Task<bool> IsActiveAsync(TestAccount person)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        return await db.Users.Where(u => u.Id == person.UserId).Select(u => u.IsActive).SingleAsync();
    }

    private async Task AddRoleAsync(TestAccount person, string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(person.UserId);
        Assert.True((await users.AddToRoleAsync(user!, role)).Succeeded);
    }

    private async Task MoveToAnotherWardAsync(TestAccount person)
    {
        var ward = await app.CreateWardAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == person.UserId);
        user.WardId = ward.Id;
        await db.SaveChangesAsync();
    }
}

public sealed class VolunteerTestsOnSqlite(SqliteApp app) : VolunteerTests<SqliteApp>(app);
public sealed class VolunteerTestsOnPostgres(PostgresApp app) : VolunteerTests<PostgresApp>(app);
