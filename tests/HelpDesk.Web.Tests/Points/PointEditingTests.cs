using System.Net;
using AngleSharp.Html.Dom;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Places;
using HelpDesk.Testing;
using HelpDesk.Web.Tests.Localization;

namespace HelpDesk.Web.Tests.Points;

/// <summary>A coordinator creates and edits the service points of their ward, and only of their ward.</summary>
public abstract class PointEditingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : HelpDeskApp
{
    private const string PointForm = "[data-testid=point-form]";

    private async Task<(PageClient Client, TestAccount Coordinator)> SignedInCoordinatorAsync()
    {
        var coordinator = await app.CreateAsync(Roles.Coordinator);
        var client = PageClient.For(app);
        await client.SignInAsync(coordinator);
        return (client, coordinator);
    }

    [Fact]
    public async Task A_coordinator_creates_a_point_with_its_weekly_sessions_and_then_edits_them()
    {
        var (client, coordinator) = await SignedInCoordinatorAsync();
        var code = PointBuilder.NewCode();
        var (_, form) = await client.GetAsync("/staff/points/new");
        var (created, edit) = await client.SubmitAsync(form, PointForm, new Dictionary<string, string>
        {
            ["Form.Code"] = code.ToLowerInvariant(),
            ["Form.Name"] = "Điểm hỗ trợ Khu phố 3",
            ["Form.Address"] = "45 Hải Thượng Lãn Ông, Phường Chợ Lớn",
            ["Form.Phone"] = "028 3855 0103",
            ["Form.Desks"] = "3",
            ["Form.Sessions[0].Day"] = nameof(DayOfWeek.Saturday),
            ["Form.Sessions[0].Opens"] = "08:00",
            ["Form.Sessions[0].Closes"] = "11:00",
            ["Form.Sessions[3].Day"] = nameof(DayOfWeek.Tuesday),
            ["Form.Sessions[3].Opens"] = "17:30",
            ["Form.Sessions[3].Closes"] = "20:30",
        });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(code, edit.QuerySelector("[data-testid=point-code]")?.TextContent.Trim());
        var point = await app.FindPointAsync(code);
        Assert.NotNull(point);
        Assert.Equal(coordinator.WardId, point.WardId);
        Assert.Equal(("Điểm hỗ trợ Khu phố 3", "028 3855 0103", 3), (point.Name, point.Phone, point.Desks));
        WeeklySession[] expected =
            [new(DayOfWeek.Tuesday, new(17, 30), new(20, 30)), new(DayOfWeek.Saturday, new(8, 0), new(11, 0))];
        Assert.Equal(expected, point.Schedule);
        Assert.Equal("17:30", (edit.QuerySelector("input[name='Form.Sessions[0].Opens']") as IHtmlInputElement)?.Value);

        var (_, list) = await client.SubmitAsync(edit, PointForm, new Dictionary<string, string>
        {
            ["Form.Name"] = "Điểm hỗ trợ Khu phố 3 (nhà văn hóa)",
            ["Form.Desks"] = "4",
            ["Form.Sessions[1].Day"] = nameof(DayOfWeek.Thursday),
            ["Form.Sessions[1].Opens"] = "18:00",
            ["Form.Sessions[1].Closes"] = "21:00",
            ["Form.Sessions[2].Day"] = nameof(DayOfWeek.Thursday),
            ["Form.Sessions[2].Opens"] = "14:00",
            ["Form.Sessions[2].Closes"] = "16:00",
        });

        var row = list.QuerySelectorAll("[data-testid=point-row]").SingleOrDefault(r => r.GetAttribute("data-code") == code);
        Assert.NotNull(row);
        Assert.Contains(ResourceFiles.Value("vi", "Day_Thursday"), row.TextContent);
        point = await app.FindPointAsync(code);
        Assert.Equal(("Điểm hỗ trợ Khu phố 3 (nhà văn hóa)", 4), (point!.Name, point.Desks));
        expected =
        [
            new(DayOfWeek.Tuesday, new(17, 30), new(20, 30)),
            new(DayOfWeek.Thursday, new(14, 0), new(16, 0)),
            new(DayOfWeek.Thursday, new(18, 0), new(21, 0)),
        ];
        Assert.Equal(expected, point.Schedule);
    }

    [Theory]
    [InlineData("zh-Hant", "Tuesday", "19:00", "21:00", "Error_PointSessionsOverlap")]
    [InlineData("vi", "Friday", "20:00", "19:00", "Error_PointSessionTimes")]
    [InlineData("en", "Friday", "18:00", "", "Points_SessionIncomplete")]
    [InlineData("zh-Hans", "", "18:00", "20:00", "Points_SessionIncomplete")]
    public async Task A_refused_schedule_is_explained_in_the_coordinators_language_and_nothing_is_saved(
        string culture, string day, string opens, string closes, string message)
    {
        var (client, coordinator) = await SignedInCoordinatorAsync();
        var point = await PointBuilder.InWard(coordinator.WardId).SaveAsync(app);
        var (_, page) = await client.GetAsync($"/staff/points/{point.Id}?culture={culture}");

        var (response, result) = await client.SubmitAsync(page, PointForm, new Dictionary<string, string>
        {
            ["Form.Name"] = "Tên mới",
            ["Form.Sessions[4].Day"] = day,
            ["Form.Sessions[4].Opens"] = opens,
            ["Form.Sessions[4].Closes"] = closes,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResourceFiles.Value(culture, message), result.QuerySelector("[data-testid=schedule-error]")?.TextContent.Trim());
        Assert.Equal("Tên mới", (result.QuerySelector("input[name='Form.Name']") as IHtmlInputElement)?.Value);
        var stored = await app.FindPointAsync(point.Code);
        Assert.Equal(point.Name, stored!.Name);
        Assert.Equal(PointBuilder.EveningSchedule, stored.Schedule);
    }

    [Fact]
    public async Task Too_many_desks_are_refused_next_to_the_field()
    {
        var (client, coordinator) = await SignedInCoordinatorAsync();
        var point = await PointBuilder.InWard(coordinator.WardId).SaveAsync(app);
        var (_, page) = await client.GetAsync($"/staff/points/{point.Id}");

        var (_, result) = await client.SubmitAsync(page, PointForm, new Dictionary<string, string> { ["Form.Desks"] = "21" });

        Assert.Equal(ResourceFiles.Value("vi", "Error_PointDesks"), result.QuerySelector("[data-valmsg-for='Form.Desks']")?.TextContent.Trim());
        Assert.Equal(2, (await app.FindPointAsync(point.Code))!.Desks);
    }

    [Fact]
    public async Task A_code_already_used_by_any_ward_is_refused()
    {
        var (client, _) = await SignedInCoordinatorAsync();
        var elsewhere = await app.CreateWardAsync();
        var taken = await PointBuilder.InWard(elsewhere.Id).SaveAsync(app);
        var (_, form) = await client.GetAsync("/staff/points/new");

        var (_, result) = await client.SubmitAsync(form, PointForm, new Dictionary<string, string>
        {
            ["Form.Code"] = taken.Code.ToLowerInvariant(),
            ["Form.Name"] = "Điểm hỗ trợ Khu phố 9",
            ["Form.Address"] = "9 Châu Văn Liêm",
        });

        Assert.Equal(ResourceFiles.Value("vi", "Error_PointCodeTaken"), result.QuerySelector("[data-valmsg-for='Form.Code']")?.TextContent.Trim());
        var stored = await app.FindPointAsync(taken.Code);
        Assert.Equal(elsewhere.Id, stored!.WardId);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("ĐC01")]
    [InlineData("CL 01")]
    [InlineData("CL01234567X")]
    public async Task A_code_has_two_to_ten_latin_letters_or_digits(string code)
    {
        var (client, _) = await SignedInCoordinatorAsync();
        var (_, form) = await client.GetAsync("/staff/points/new?culture=en");

        var (_, result) = await client.SubmitAsync(form, PointForm, new Dictionary<string, string>
        {
            ["Form.Code"] = code,
            ["Form.Name"] = "Điểm hỗ trợ Khu phố 9",
            ["Form.Address"] = "9 Châu Văn Liêm",
        });

        Assert.Equal(ResourceFiles.Value("en", "Points_CodeFormat"), result.QuerySelector("[data-valmsg-for='Form.Code']")?.TextContent.Trim());
        Assert.Null(await app.FindPointAsync(code));
    }

    [Fact]
    public async Task Another_wards_point_does_not_exist_for_a_coordinator()
    {
        var (client, coordinator) = await SignedInCoordinatorAsync();
        var own = await PointBuilder.InWard(coordinator.WardId).SaveAsync(app);
        var other = await PointBuilder.InWard((await app.CreateWardAsync()).Id).SaveAsync(app);

        var (_, list) = await client.GetAsync("/staff/points");
        var codes = list.QuerySelectorAll("[data-testid=point-row]").Select(r => r.GetAttribute("data-code")).ToList();
        Assert.Contains(own.Code, codes);
        Assert.DoesNotContain(other.Code, codes);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/points/{other.Id}")).Response.StatusCode);
        var (_, ownPage) = await client.GetAsync($"/staff/points/{own.Id}");
        var token = (ownPage.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)!.Value;
        var suspend = await client.Http.PostAsync($"/staff/points/{other.Id}?handler=Suspend",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, suspend.StatusCode);
        Assert.False((await app.FindPointAsync(other.Code))!.IsSuspended);
    }

    [Fact]
    public async Task Suspending_and_reopening_a_point_is_saved()
    {
        var (client, coordinator) = await SignedInCoordinatorAsync();
        var point = await PointBuilder.InWard(coordinator.WardId).SaveAsync(app);
        var (_, page) = await client.GetAsync($"/staff/points/{point.Id}");

        var (_, suspended) = await client.SubmitAsync(page, "form[action*='handler=Suspend']");
        Assert.NotNull(suspended.QuerySelector("[data-testid=suspended-notice]"));
        Assert.True((await app.FindPointAsync(point.Code))!.IsSuspended);

        await client.SubmitAsync(suspended, "form[action*='handler=Resume']");
        Assert.False((await app.FindPointAsync(point.Code))!.IsSuspended);
    }

    [Fact]
    public async Task A_closure_is_added_with_its_reason_and_removed_again()
    {
        var (client, coordinator) = await SignedInCoordinatorAsync();
        var point = await PointBuilder.InWard(coordinator.WardId).SaveAsync(app);
        var date = Domain.VietnamTime.Today(app.Clock.GetUtcNow()).AddDays(3);
        var (_, page) = await client.GetAsync($"/staff/points/{point.Id}");

        var (_, added) = await client.SubmitAsync(page, "[data-testid=add-closure]", new Dictionary<string, string>
        {
            ["Closure.Date"] = date.ToString("yyyy-MM-dd"),
            ["Closure.Reason"] = "Họp tổ dân phố",
        });
        Assert.Contains("Họp tổ dân phố", added.QuerySelector("[data-testid=closures]")?.TextContent);
        Assert.Equal(new PointClosure(date, "Họp tổ dân phố"), Assert.Single((await app.FindPointAsync(point.Code))!.Closures));

        await client.SubmitAsync(added, "form[action*='handler=RemoveClosure']");
        Assert.Empty((await app.FindPointAsync(point.Code))!.Closures);
    }

    [Theory]
    [InlineData("", "Họp", "Validation_Required")]
    [InlineData("past", "Họp", "Points_ClosureInPast")]
    public async Task A_closure_needs_a_date_that_has_not_passed(string date, string reason, string message)
    {
        var (client, coordinator) = await SignedInCoordinatorAsync();
        var point = await PointBuilder.InWard(coordinator.WardId).SaveAsync(app);
        var (_, page) = await client.GetAsync($"/staff/points/{point.Id}?culture=zh-Hans");
        if (date == "past") date = Domain.VietnamTime.Today(app.Clock.GetUtcNow()).AddDays(-1).ToString("yyyy-MM-dd");

        var (_, result) = await client.SubmitAsync(page, "[data-testid=add-closure]", new Dictionary<string, string>
        {
            ["Closure.Date"] = date,
            ["Closure.Reason"] = reason,
        });

        var expected = string.Format(ResourceFiles.Value("zh-Hans", message), ResourceFiles.Value("zh-Hans", "Points_ClosureDate"));
        Assert.Equal(expected, result.QuerySelector("[data-valmsg-for='Closure.Date']")?.TextContent.Trim());
        Assert.Empty((await app.FindPointAsync(point.Code))!.Closures);
    }
}

public sealed class PointEditingTestsOnSqlite(SqliteApp app) : PointEditingTests<SqliteApp>(app);
public sealed class PointEditingTestsOnPostgres(PostgresApp app) : PointEditingTests<PostgresApp>(app);
