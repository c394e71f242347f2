using System.Net;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Desk;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Desk;

/// <summary>The evening desk: shifts, the queue, visits. Each test runs on its own app with the clock inside a Tuesday session.</summary>
public abstract class DeskTests(DatabaseProviderChoice choice)
{
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    private async Task<(HelpDeskApp App, PageClient Volunteer, TestAccount Account)> OnShiftAsync(bool checkIn = true)
    {
        var app = new HelpDeskApp(choice.Provider);
        app.SetClock(During);
        var account = await app.CreateAsync(Roles.Volunteer);
        await app.CreatePointAsync("TN01", account.UserId);
        var client = PageClient.For(app);
        await client.SignInAsync(account);
        if (checkIn)
        {
            var (_, desk) = await client.GetAsync("/desk");
            var (_, checkedIn) = await client.SubmitAsync(desk, "form[action*='handler=CheckIn']");
            Assert.NotNull(checkedIn.QuerySelector("[data-testid=check-out]"));
        }
        return (app, client, account);
    }

    private static T InScope<T>(HelpDeskApp app, Func<HelpDeskDbContext, T> read)
    {
        using var scope = app.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>());
    }

    [Fact]
    public async Task A_volunteer_checks_in_during_the_session_at_an_assigned_point()
    {
        var (app, _, account) = await OnShiftAsync();
        await using var _app = app;
        var shift = InScope(app, db => db.Shifts.Single(s => s.VolunteerId == account.UserId));
        Assert.Null(shift.CheckedOutAt);
        Assert.Equal(new TimeOnly(17, 30), shift.SessionOpens);
    }

    [Fact]
    public async Task Check_in_is_not_offered_outside_a_session_and_is_refused_if_forced()
    {
        var (app, client, _) = await OnShiftAsync(checkIn: false);
        await using var _app = app;
        app.SetClock(DeskFixture.NextTuesdayAt(new TimeOnly(12, 0)));
        var (_, desk) = await client.GetAsync("/desk");
        Assert.Null(desk.QuerySelector("[data-testid=check-in]"));

        var pointId = InScope(app, db => db.ServicePoints.Single().Id);
        app.SetClock(During);
        var (_, open) = await client.GetAsync("/desk");
        app.SetClock(DeskFixture.NextTuesdayAt(new TimeOnly(12, 0)));
        var (_, refused) = await client.SubmitAsync(open, "form[action*='handler=CheckIn']", new Dictionary<string, string> { ["pointId"] = pointId.ToString() });
        Assert.Equal(ResourceFiles.Value("vi", "Error_ShiftNoSession"), refused.QuerySelector("[data-testid=desk-message]")?.TextContent.Trim());
        Assert.Equal(0, InScope(app, db => db.Shifts.Count()));
    }

    [Fact]
    public async Task A_volunteer_cannot_check_in_at_a_point_they_are_not_assigned_to()
    {
        var (app, client, _) = await OnShiftAsync(checkIn: false);
        await using var _app = app;
        var other = await app.CreatePointAsync("TN99");
        var (_, desk) = await client.GetAsync("/desk");
        var (_, refused) = await client.SubmitAsync(desk, "form[action*='handler=CheckIn']", new Dictionary<string, string> { ["pointId"] = other.Id.ToString() });
        Assert.Equal(ResourceFiles.Value("vi", "Error_ShiftNotAssigned"), refused.QuerySelector("[data-testid=desk-message]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Tickets_are_numbered_per_session_and_print_bilingual_with_large_digits()
    {
        var (app, client, _) = await OnShiftAsync();
        await using var _app = app;
        var (_, desk) = await client.GetAsync("/desk");
        var (_, first) = await client.SubmitAsync(desk, "form[action*='handler=IssueTicket']");
        Assert.Equal("1", first.QuerySelector("[data-testid=ticket-number]")?.TextContent.Trim());
        var (_, desk2) = await client.GetAsync("/desk");
        var (_, second) = await client.SubmitAsync(desk2, "form[action*='handler=IssueTicket']");
        Assert.Equal("2", second.QuerySelector("[data-testid=ticket-number]")?.TextContent.Trim());

        var ticket = second.QuerySelector("[data-testid=ticket]")!;
        Assert.Contains(ResourceFiles.Value("vi", "Ticket_Wait"), ticket.TextContent);
        Assert.Contains(ResourceFiles.Value("zh-Hant", "Ticket_Wait"), ticket.TextContent);
        Assert.Contains(string.Format(ResourceFiles.Value("vi", "Ticket_Ahead"), 1), ticket.TextContent);
        var (_, simplified) = await client.GetAsync(new Uri(second.Url).AbsolutePath + "?second=zh-Hans");
        Assert.Contains(ResourceFiles.Value("zh-Hans", "Ticket_Wait"), simplified.QuerySelector("[data-testid=ticket]")!.TextContent);
    }

    [Fact]
    public async Task Tickets_issued_at_the_same_moment_get_different_numbers()
    {
        var (app, client, account) = await OnShiftAsync();
        await using var _app = app;
        var (_, desk) = await client.GetAsync("/desk");
        var posts = Enumerable.Range(0, 6).Select(_ => client.SubmitAsync(desk, "form[action*='handler=IssueTicket']"));
        await Task.WhenAll(posts);
        var numbers = InScope(app, db => db.QueueTickets.Select(t => t.Number).OrderBy(n => n).ToList());
        Assert.Equal([1, 2, 3, 4, 5, 6], numbers);
    }

    [Fact]
    public async Task Calling_serving_and_closing_a_visit_records_it_and_clears_the_desk()
    {
        var (app, client, account) = await OnShiftAsync();
        await using var _app = app;
        var (_, desk) = await client.GetAsync("/desk");
        await client.SubmitAsync(desk, "form[action*='handler=IssueTicket']");
        (_, desk) = await client.GetAsync("/desk");
        await client.SubmitAsync(desk, "form[action*='handler=IssueTicket']");
        (_, desk) = await client.GetAsync("/desk");
        (_, desk) = await client.SubmitAsync(desk, "form[action*='handler=CallNext']", new Dictionary<string, string> { ["deskNumber"] = "2" });
        var (_, visitPage) = await client.SubmitAsync(desk, "[data-testid=ticket-1] form[action*='handler=StartVisit']");
        Assert.Contains("/desk/visits/", visitPage.Url);

        var (_, incomplete) = await client.SubmitAsync(visitPage, "form[action*='handler=Close']");
        Assert.Equal(3, incomplete.QuerySelectorAll(".field-error").Count(e => e.TextContent.Trim().Length > 0) + (incomplete.QuerySelector("input[name='Input.Language'][checked]") is null ? 0 : 1));

        var (_, after) = await client.SubmitAsync(visitPage, "form[action*='handler=Close']", new Dictionary<string, string>
        {
            ["Input.Purpose"] = nameof(VisitPurpose.CreateAccount),
            ["Input.Language"] = "zh-Hant",
            ["Input.Outcome"] = nameof(VisitOutcome.AccountCreated),
        });
        Assert.EndsWith("/desk", new Uri(after.Url).AbsolutePath);
        Assert.Null(after.QuerySelector("[data-testid=open-visit]"));
        Assert.NotNull(after.QuerySelector("[data-testid=ticket-2]"));
        Assert.Null(after.QuerySelector("[data-testid=ticket-1]"));

        var visit = InScope(app, db => db.Visits.Single());
        Assert.Equal(VisitOutcome.AccountCreated, visit.Outcome);
        Assert.Equal("zh-Hant", visit.Language);
        Assert.NotNull(visit.ClosedAt);
        var ticket = InScope(app, db => db.QueueTickets.Single(t => t.Number == 1));
        Assert.Equal(TicketStatus.Served, ticket.Status);
        Assert.Equal(2, ticket.Desk);
    }

    [Fact]
    public async Task A_visit_of_another_volunteer_cannot_be_opened()
    {
        var (app, client, _) = await OnShiftAsync();
        await using var _app = app;
        var (_, desk) = await client.GetAsync("/desk");
        var (_, visitPage) = await client.SubmitAsync(desk, "form[action*='handler=StartVisit']");

        var other = await app.CreateAsync(Roles.Volunteer);
        var pointId = InScope(app, db => db.ServicePoints.Single().Id);
        InScope(app, db => { db.PointAssignments.Add(new HelpDesk.Domain.Places.PointAssignment(pointId, other.UserId, DateTimeOffset.UtcNow)); return db.SaveChanges(); });
        var intruder = PageClient.For(app, followRedirects: false);
        await PageClient.For(app, intruder.Cookies).SignInAsync(other);
        var (_, otherDesk) = await PageClient.For(app, intruder.Cookies).GetAsync("/desk");
        await PageClient.For(app, intruder.Cookies).SubmitAsync(otherDesk, "form[action*='handler=CheckIn']");
        var response = await intruder.Http.GetAsync(new Uri(visitPage.Url).AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Outside_a_shift_nothing_touching_residents_can_be_done()
    {
        var (app, client, _) = await OnShiftAsync();
        await using var _app = app;
        var (_, desk) = await client.GetAsync("/desk");
        var (_, checkedOut) = await client.SubmitAsync(desk, "form[action*='handler=CheckOut']");
        Assert.NotNull(checkedOut.QuerySelector("[data-testid=check-in]"));

        var (_, refused) = await client.SubmitAsync(desk, "form[action*='handler=StartVisit']");
        Assert.Equal(ResourceFiles.Value("vi", "Error_ShiftNotOpen"), refused.QuerySelector("[data-testid=desk-message]")?.TextContent.Trim());
        var (_, refusedTicket) = await client.SubmitAsync(desk, "form[action*='handler=IssueTicket']");
        Assert.Equal(ResourceFiles.Value("vi", "Error_ShiftNotOpen"), refusedTicket.QuerySelector("[data-testid=desk-message]")?.TextContent.Trim());
        Assert.Equal(0, InScope(app, db => db.Visits.Count() + db.QueueTickets.Count()));
    }

    [Fact]
    public async Task A_shift_left_open_closes_itself_after_the_session_with_its_open_visit()
    {
        var (app, client, account) = await OnShiftAsync();
        await using var _app = app;
        var (_, desk) = await client.GetAsync("/desk");
        await client.SubmitAsync(desk, "form[action*='handler=StartVisit']");

        app.SetClock(DeskFixture.NextTuesdayAt(new TimeOnly(20, 45)));
        using (var scope = app.Services.CreateScope())
        {
            var closed = await scope.ServiceProvider.GetRequiredService<DeskService>().CloseFinishedShiftsAsync();
            await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().SaveChangesAsync();
            Assert.Equal(1, closed);
        }
        var shift = InScope(app, db => db.Shifts.Single());
        Assert.True(shift.ClosedAutomatically);
        Assert.Equal(DeskFixture.NextTuesdayAt(new TimeOnly(20, 30)), shift.CheckedOutAt);
        var visit = InScope(app, db => db.Visits.Single());
        Assert.True(visit.ClosedAutomatically);
        Assert.Equal(shift.CheckedOutAt, visit.ClosedAt);
    }

    [Fact]
    public async Task Deactivating_a_volunteer_on_shift_closes_the_shift_and_its_visits_at_once()
    {
        var (app, client, account) = await OnShiftAsync();
        await using var _app = app;
        var (_, desk) = await client.GetAsync("/desk");
        await client.SubmitAsync(desk, "form[action*='handler=StartVisit']");

        var coordinator = PageClient.For(app);
        await coordinator.SignInAsync(await app.CreateAsync(Roles.Coordinator));
        var (_, people) = await coordinator.GetAsync("/staff/volunteers");
        await coordinator.SubmitAsync(people, $"tr[data-user-name='{account.UserName}'] form[action*='handler=Deactivate']");

        var shift = InScope(app, db => db.Shifts.Single());
        Assert.NotNull(shift.CheckedOutAt);
        Assert.NotNull(InScope(app, db => db.Visits.Single()).ClosedAt);
        var (_, after) = await client.GetAsync("/desk");
        Assert.EndsWith("/account/signin", new Uri(after.Url).AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_coordinator_overview_shows_who_is_checked_in_the_queue_and_the_visits()
    {
        var (app, client, account) = await OnShiftAsync();
        await using var _app = app;
        var (_, desk) = await client.GetAsync("/desk");
        await client.SubmitAsync(desk, "form[action*='handler=IssueTicket']");
        (_, desk) = await client.GetAsync("/desk");
        await client.SubmitAsync(desk, "form[action*='handler=StartVisit']");

        var coordinator = PageClient.For(app);
        await coordinator.SignInAsync(await app.CreateAsync(Roles.Coordinator));
        var (_, overview) = await coordinator.GetAsync("/staff/desks");
        var point = overview.QuerySelector("[data-testid=point-TN01]")!;
        Assert.Contains("Người Thử Volunteer", point.QuerySelector("[data-testid=checked-in]")!.TextContent);
        Assert.Equal("1", point.QuerySelector("[data-testid=waiting]")!.TextContent.Trim());
        Assert.Equal("1", point.QuerySelector("[data-testid=visits]")!.TextContent.Trim());
    }
}

public sealed class DeskTestsOnSqlite() : DeskTests(DatabaseProviderChoice.Sqlite);
public sealed class DeskTestsOnPostgres() : DeskTests(DatabaseProviderChoice.Postgres);
