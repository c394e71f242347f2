using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Places;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Setup;
using HelpDesk.Web.Tests.Localization;
using ServicePoint = HelpDesk.Domain.Places.ServicePoint;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Points;

/// <summary>
/// The app with its clock moved to the coming Tuesday at 18:00 Vietnam time, in the middle of the
/// evening session of the seeds (Tue/Wed/Thu 17:30–20:30), so "open now" is known in advance.
/// </summary>
public abstract class TuesdayEveningApp : HelpDeskApp
{
    protected TuesdayEveningApp(DatabaseProvider provider) : base(provider) =>
        this.SetClock(DeskFixture.NextTuesdayAt(new TimeOnly(18, 0)));

    public DateOnly Tuesday => VietnamTime.Today(Clock.GetUtcNow());
}

public sealed class SqliteTuesdayEveningApp() : TuesdayEveningApp(DatabaseProvider.Sqlite);
public sealed class PostgresTuesdayEveningApp() : TuesdayEveningApp(DatabaseProvider.Postgres);

/// <summary>/points tells a resident's relative, in their language, where the points are and whether one is open now.</summary>
public abstract class PublicPointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TuesdayEveningApp
{
    private async Task<Guid> TestWardAsync() => (await app.CreateAsync(Roles.Coordinator)).WardId;

    private async Task<IElement> PublicCardAsync(ServicePoint point, string culture = "vi")
    {
        var (response, page) = await PageClient.For(app).GetAsync($"/points?culture={culture}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector($"[data-testid=point][data-code='{point.Code}']") ?? throw new InvalidOperationException($"{point.Code} not on /points.");
    }

    private static string Status(IElement card) => card.QuerySelector("[data-testid=point-status]")!.GetAttribute("data-status")!;

    [Fact]
    public async Task A_point_in_the_middle_of_its_session_shows_open_now_until_its_closing_time()
    {
        Assert.Equal(DayOfWeek.Tuesday, app.Tuesday.DayOfWeek);
        var point = await PointBuilder.InWard(await TestWardAsync()).SaveAsync(app);

        var card = await PublicCardAsync(point);

        Assert.Equal("open", Status(card));
        Assert.Equal(string.Format(ResourceFiles.Value("vi", "Points_OpenNowUntil"), "20:30"), card.QuerySelector("[data-testid=point-status]")!.TextContent.Trim());
        Assert.Null(card.QuerySelector("[data-testid=next-session]"));
    }

    [Fact]
    public async Task A_closure_today_shows_the_point_closed_with_its_reason_and_the_next_session()
    {
        var coordinator = await app.CreateAsync(Roles.Coordinator);
        var point = await PointBuilder.InWard(coordinator.WardId).SaveAsync(app);
        var client = PageClient.For(app);
        await client.SignInAsync(coordinator);
        var (_, edit) = await client.GetAsync($"/staff/points/{point.Id}");
        await client.SubmitAsync(edit, "[data-testid=add-closure]", new Dictionary<string, string>
        {
            ["Closure.Date"] = app.Tuesday.ToString("yyyy-MM-dd"),
            ["Closure.Reason"] = "Họp tổ dân phố",
        });

        var card = await PublicCardAsync(point);

        Assert.Equal("closed", Status(card));
        Assert.Equal(ResourceFiles.Value("vi", "Points_ClosedNow"), card.QuerySelector("[data-testid=point-status]")!.TextContent.Trim());
        Assert.Contains("Họp tổ dân phố", card.QuerySelector("[data-testid=closure]")?.TextContent);
        Assert.Contains(ResourceFiles.Value("vi", "Day_Tuesday"), card.QuerySelector("[data-testid=closure]")?.TextContent);
        var next = card.QuerySelector("[data-testid=next-session]")?.TextContent;
        Assert.Contains(ResourceFiles.Value("vi", "Day_Wednesday"), next);
        Assert.Contains("17:30–20:30", next);
    }

    [Fact]
    public async Task Closures_more_than_two_weeks_ahead_are_not_announced_yet()
    {
        var point = await PointBuilder.InWard(await TestWardAsync())
            .ClosedOn(app.Tuesday.AddDays(15), "Bầu cử")
            .SaveAsync(app);

        var card = await PublicCardAsync(point);

        Assert.Equal("open", Status(card));
        Assert.Null(card.QuerySelector("[data-testid=closures]"));
    }

    [Fact]
    public async Task After_closing_time_the_point_shows_closed_and_when_it_opens_next()
    {
        var point = await PointBuilder.InWard(await TestWardAsync())
            .WithSchedule(new WeeklySession(DayOfWeek.Tuesday, new(8, 0), new(11, 0)), new WeeklySession(DayOfWeek.Saturday, new(8, 0), new(11, 0)))
            .SaveAsync(app);

        var card = await PublicCardAsync(point, "en");

        Assert.Equal("closed", Status(card));
        var next = card.QuerySelector("[data-testid=next-session]")?.TextContent;
        Assert.Contains(ResourceFiles.Value("en", "Day_Saturday"), next);
        Assert.Contains("08:00–11:00", next);
    }

    [Fact]
    public async Task A_suspended_point_says_so_whatever_its_schedule()
    {
        var point = await PointBuilder.InWard(await TestWardAsync()).Suspended().SaveAsync(app);

        var card = await PublicCardAsync(point, "zh-Hant");

        Assert.Equal("suspended", Status(card));
        Assert.Equal(ResourceFiles.Value("zh-Hant", "Points_SuspendedPublic"), card.QuerySelector("[data-testid=point-status]")!.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(ResourceParityTests.Cultures_), MemberType = typeof(ResourceParityTests))]
    public async Task The_hours_read_in_the_visitors_language(string culture)
    {
        var point = await PointBuilder.InWard(await TestWardAsync()).SaveAsync(app);

        var (_, page) = await PageClient.For(app).GetAsync($"/points?culture={culture}");
        var card = page.QuerySelector($"[data-testid=point][data-code='{point.Code}']")!;

        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(ResourceFiles.Value(culture, "Points_PublicTitle"), page.QuerySelector("h1")?.TextContent.Trim());
        var days = card.QuerySelectorAll("[data-testid=hours] th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(new[] { "Day_Tuesday", "Day_Wednesday", "Day_Thursday", "Day_Saturday" }.Select(k => ResourceFiles.Value(culture, k)), days);
        Assert.Equal(string.Format(ResourceFiles.Value(culture, "Points_OpenNowUntil"), "20:30"), card.QuerySelector("[data-testid=point-status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Points_are_grouped_by_ward_and_show_nobody_who_works_there()
    {
        var ward = await TestWardAsync();
        var other = await app.CreateWardAsync("Phường Bình Tây");
        var here = await PointBuilder.InWard(ward).SaveAsync(app);
        var there = await PointBuilder.InWard(other.Id).SaveAsync(app);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
            db.PointAssignments.Add(new PointAssignment(here.Id, volunteer.UserId, app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var (_, page) = await PageClient.For(app).GetAsync("/points");

        var wardOf = (ServicePoint point) => page.QuerySelector($"[data-testid=point][data-code='{point.Code}']")!.Closest("[data-testid=ward]")!.QuerySelector("h2")!.TextContent;
        Assert.Contains(TestAccounts.WardName, wardOf(here));
        Assert.Contains("Phường Bình Tây", wardOf(there));
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(volunteer.UserName, html);
        Assert.DoesNotContain("Người Thử", html);
    }
}

public sealed class PublicPointsTestsOnSqlite(SqliteTuesdayEveningApp app) : PublicPointsTests<SqliteTuesdayEveningApp>(app);
public sealed class PublicPointsTestsOnPostgres(PostgresTuesdayEveningApp app) : PublicPointsTests<PostgresTuesdayEveningApp>(app);
