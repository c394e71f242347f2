using System.Net;
using AngleSharp.Html.Dom;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.People;
using HelpDesk.Testing;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using HelpDesk.Web.Tests.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Audit;

/// <summary>
/// The ward's audit log at /staff/audit: only the ward's own events, filtered and paged by sequence,
/// the chain checked on request, and every reading of it recorded in turn.
/// </summary>
public abstract class AuditPageTests(DatabaseProviderChoice choice)
{
    private const string AuditPage = "/staff/audit";

    /// <summary>An app with a ward officer of the test ward, one point there and one in another ward, and a resident in each ward.</summary>
    private sealed record Wards(HelpDeskApp App, TestAccount Staff, Guid PointHere, Guid PointElsewhere, Guid ResidentHere, Guid ResidentElsewhere, Guid WardElsewhere)
        : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private async Task<Wards> TwoWardsAsync()
    {
        var app = new HelpDeskApp(choice.Provider);
        var staff = await app.CreateAsync(Roles.WardStaff);
        var here = await app.CreatePointAsync(PointBuilder.NewCode());
        var elsewhere = await app.CreateWardAsync();
        var there = await PointBuilder.InWard(elsewhere.Id).SaveAsync(app);
        var residentHere = await ResidentAsync(app, staff.WardId, staff.UserId, "Lâm Văn Phúc", "079060001234");
        var residentElsewhere = await ResidentAsync(app, elsewhere.Id, staff.UserId, "Trần Thị Mai", null);
        return new Wards(app, staff, here.Id, there.Id, residentHere, residentElsewhere, elsewhere.Id);
    }

    private static async Task<Guid> ResidentAsync(HelpDeskApp app, Guid ward, string registeredBy, string name, string? personalId)
    {
        using var scope = app.Services.CreateScope();
        var resident = await scope.ServiceProvider.GetRequiredService<ResidentRegister>().RegisterAsync(
            new ResidentDetails(name, null, new DateOnly(1960, 1, 1), Sex.Male, personalId, null, Cultures.Vietnamese), ward, registeredBy);
        await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().SaveChangesAsync();
        return resident.Id;
    }

    private static async Task RecordAsync(HelpDeskApp app, params AuditEntry[] entries)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().SaveAsync(entries);
    }

    private static async Task<long> LastSequenceAsync(HelpDeskApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().AuditEvents.MaxAsync(e => e.Sequence);
    }

    private static async Task<List<AuditEvent>> EventsAsync(HelpDeskApp app, string action)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync();
    }

    private static async Task ExecuteAsync(HelpDeskApp app, string sql)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<PageClient> SignedInAsync(HelpDeskApp app, TestAccount account)
    {
        var client = PageClient.For(app);
        await client.SignInAsync(account);
        return client;
    }

    private static List<long> Sequences(IHtmlDocument document) =>
        document.QuerySelectorAll("[data-testid=audit-event]").Select(row => long.Parse(row.GetAttribute("data-sequence")!)).ToList();

    private static async Task<IHtmlDocument> OpenAsync(PageClient client, string address)
    {
        var (response, document) = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return document;
    }

    private static string Link(IHtmlDocument document, string testId) =>
        document.QuerySelector($"[data-testid={testId}]")?.GetAttribute("href") ?? throw new InvalidOperationException($"No {testId} link.");

    [Fact]
    public async Task Staff_see_their_wards_events_and_never_another_wards()
    {
        await using var wards = await TwoWardsAsync();
        var app = wards.App;
        var userId = wards.Staff.UserId;
        await RecordAsync(app,
            new(AuditActions.ScanViewed, userId, PointId: wards.PointHere),                                   // 1: at a point here
            new(AuditActions.ScanViewed, userId, PointId: wards.PointElsewhere),                              // 2: at a point elsewhere
            new(AuditActions.ResidentViewed, userId, wards.ResidentHere, Detail: "self"),                     // 3: no point, a resident here
            new(AuditActions.ResidentViewed, userId, wards.ResidentElsewhere, Detail: "self"),                // 4: no point, a resident elsewhere
            new(AuditActions.ResidentServed, userId, wards.ResidentHere, PointId: wards.PointElsewhere),      // 5: another ward's point decides
            new(AuditActions.AccessRefused, userId),                                                          // 6: no ward at all
            new(AuditActions.AuditViewed, userId, Subject: AuditSubjects.OfWard(wards.WardElsewhere)));       // 7: the other ward's log read
        var client = await SignedInAsync(app, wards.Staff);

        var first = await OpenAsync(client, AuditPage);
        Assert.Equal([3L, 1L], Sequences(first));

        // The first reading was recorded: it is the ward's too, and the newest.
        var again = await OpenAsync(client, AuditPage);
        Assert.Equal([8L, 3L, 1L], Sequences(again));
        Assert.Equal(AuditActions.AuditViewed, again.QuerySelector("[data-testid=audit-event]")!.GetAttribute("data-action"));

        // Asking for another ward's resident by id answers as if there were no such resident.
        var (refused, _) = await client.GetAsync($"{AuditPage}?resident={wards.ResidentElsewhere}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Filters_narrow_the_log_by_action_person_resident_and_Vietnam_date()
    {
        await using var wards = await TwoWardsAsync();
        var app = wards.App;
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        // 23:30 on 10 March and 00:30 on 11 March in Vietnam: both on 10 March in UTC.
        var day = new DateOnly(2026, 3, 10);
        app.SetClock(VietnamTime.At(day, new TimeOnly(23, 30)));
        await RecordAsync(app,
            new(AuditActions.ScanViewed, volunteer.UserId, wards.ResidentHere, "scan:" + Guid.NewGuid(), wards.PointHere),   // 1
            new(AuditActions.ResidentViewed, wards.Staff.UserId, wards.ResidentHere, PointId: wards.PointHere));             // 2
        app.SetClock(VietnamTime.At(day.AddDays(1), new TimeOnly(0, 30)));
        await RecordAsync(app,
            new(AuditActions.ScanViewed, wards.Staff.UserId, PointId: wards.PointHere),                                      // 3
            new(AuditActions.ResidentSearched, volunteer.UserId, PointId: wards.PointHere, Detail: "name:2"));              // 4
        app.SetClock(DateTimeOffset.UtcNow);
        var client = await SignedInAsync(app, wards.Staff);

        var byAction = await OpenAsync(client, $"{AuditPage}?action={AuditActions.ScanViewed}");
        Assert.Equal([3L, 1L], Sequences(byAction));
        var actionOption = byAction.QuerySelector($"#filter-action option[value='{AuditActions.ScanViewed}']")!;
        Assert.True(actionOption.HasAttribute("selected"));
        Assert.Equal(ResourceFiles.Value(Cultures.Vietnamese, "AuditAction_ScanViewed"), actionOption.TextContent.Trim());

        var byPerson = await OpenAsync(client, $"{AuditPage}?user={volunteer.UserId}");
        Assert.Equal([4L, 1L], Sequences(byPerson));
        Assert.Contains(byPerson.QuerySelectorAll("#filter-user option"), o => o.GetAttribute("value") == volunteer.UserId && o.HasAttribute("selected"));

        var byResident = await OpenAsync(client, $"{AuditPage}?resident={wards.ResidentHere}");
        Assert.Equal([2L, 1L], Sequences(byResident));
        Assert.NotNull(byResident.QuerySelector("[data-testid=resident-filter]"));

        Assert.Equal([2L, 1L], Sequences(await OpenAsync(client, $"{AuditPage}?from=2026-03-10&to=2026-03-10")));
        Assert.Equal([4L, 3L], Sequences(await OpenAsync(client, $"{AuditPage}?from=2026-03-11&to=2026-03-11")));
        Assert.Equal([4L, 1L], Sequences(await OpenAsync(client, $"{AuditPage}?user={volunteer.UserId}&from=2026-03-10")));
        var reversed = await OpenAsync(client, $"{AuditPage}?from=2026-03-11&to=2026-03-10");
        Assert.Empty(Sequences(reversed));
        Assert.NotNull(reversed.QuerySelector("[data-testid=dates-reversed]"));

        // The filter form is a GET with the same names the links use.
        var form = byAction.QuerySelector("[data-testid=filters]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(AuditPage, form.GetAttribute("action"));
        Assert.Equal(["action", "user", "from", "to"], form.QuerySelectorAll("select, input:not([type=hidden])").Select(e => e.GetAttribute("name")));
    }

    [Fact]
    public async Task Pages_follow_the_sequence_and_stay_put_while_the_log_grows()
    {
        await using var wards = await TwoWardsAsync();
        var app = wards.App;
        var userId = wards.Staff.UserId;
        await RecordAsync(app, Enumerable.Range(1, 120).Select(n => new AuditEntry(AuditActions.ScanViewed, userId, PointId: wards.PointHere, Detail: n.ToString())).ToArray());
        var client = await SignedInAsync(app, wards.Staff);

        var newest = await OpenAsync(client, AuditPage);
        Assert.Equal(Range(120, 71), Sequences(newest));
        Assert.Null(newest.QuerySelector("[data-testid=newer]"));

        // Ten more events, and the page's own readings, arrive between one page and the next.
        await RecordAsync(app, Enumerable.Range(1, 10).Select(_ => new AuditEntry(AuditActions.ScanViewed, userId, PointId: wards.PointHere)).ToArray());
        var second = await OpenAsync(client, Link(newest, "older"));
        Assert.Equal(Range(70, 21), Sequences(second));

        var third = await OpenAsync(client, Link(second, "older"));
        Assert.Equal(Range(20, 1), Sequences(third));
        Assert.Null(third.QuerySelector("[data-testid=older]"));

        var back = await OpenAsync(client, Link(third, "newer"));
        Assert.Equal(Range(70, 21), Sequences(back));
        Assert.NotNull(back.QuerySelector("[data-testid=older]"));

        var top = await OpenAsync(client, Link(back, "newest"));
        Assert.Equal(await LastSequenceAsync(app) - 1, Sequences(top)[0]);
    }

    private static List<long> Range(long from, long downTo) => Enumerable.Range(0, (int)(from - downTo + 1)).Select(i => from - i).ToList();

    [Fact]
    public async Task A_changed_event_is_reported_with_its_number_when_the_chain_is_checked()
    {
        await using var wards = await TwoWardsAsync();
        var app = wards.App;
        await RecordAsync(app, Enumerable.Range(1, 5).Select(n => new AuditEntry(AuditActions.ScanViewed, wards.Staff.UserId, PointId: wards.PointHere, Detail: n.ToString())).ToArray());
        var client = await SignedInAsync(app, wards.Staff);

        var page = await OpenAsync(client, AuditPage);
        Assert.Null(page.QuerySelector("[data-testid=chain-status]"));
        var (_, checkedPage) = await client.SubmitAsync(page, "[data-testid=verify-form]");
        var intact = checkedPage.QuerySelector("[data-testid=chain-status]")!;
        Assert.Equal("true", intact.GetAttribute("data-intact"));
        // Events 1–5 and the reading before the check.
        Assert.Equal("6", intact.GetAttribute("data-through"));

        await ExecuteAsync(app, "UPDATE \"AuditEvents\" SET \"Detail\" = 'nothing to see' WHERE \"Sequence\" = 3");
        var (_, broken) = await client.SubmitAsync(checkedPage, "[data-testid=verify-form]");
        var status = broken.QuerySelector("[data-testid=chain-status]")!;
        Assert.Equal("false", status.GetAttribute("data-intact"));
        Assert.Equal("3", status.GetAttribute("data-first-broken"));
        Assert.Equal("alert", status.GetAttribute("role"));
        Assert.Contains(string.Format(ResourceFiles.Value(Cultures.Vietnamese, "AuditLog_ChainBroken"), 3), status.TextContent);
    }

    [Fact]
    public async Task An_entry_noted_in_the_paper_register_shows_a_log_cut_short_and_then_one_rebuilt()
    {
        await using var wards = await TwoWardsAsync();
        var app = wards.App;
        await RecordAsync(app, Enumerable.Range(1, 5).Select(n => new AuditEntry(AuditActions.ScanViewed, wards.Staff.UserId, PointId: wards.PointHere, Detail: n.ToString())).ToArray());
        var client = await SignedInAsync(app, wards.Staff);
        var (_, checkedPage) = await client.SubmitAsync(await OpenAsync(client, AuditPage), "[data-testid=verify-form]");
        // Events 1–5 and the reading before the check: the last one is what the leader writes down.
        var number = checkedPage.QuerySelector("[data-testid=head-number]")!.TextContent;
        var fingerprint = checkedPage.QuerySelector("[data-testid=head-fingerprint]")!.TextContent;
        Assert.Equal("6", number);
        Assert.Matches("^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$", fingerprint);

        async Task<(HttpStatusCode Status, IHtmlDocument Page)> CheckAgainstAsync(string typedNumber, string typedFingerprint)
        {
            var (response, page) = await client.SubmitAsync(checkedPage, "[data-testid=verify-form]",
                new Dictionary<string, string> { ["NotedNumber"] = typedNumber, ["NotedFingerprint"] = typedFingerprint });
            return (response.StatusCode, page);
        }
        static string? Result(IHtmlDocument page) => page.QuerySelector("[data-testid=anchor-status]")?.GetAttribute("data-result");

        // Copied by hand: lower case, spaces for dashes.
        Assert.Equal(nameof(AnchorCheck.Confirmed), Result((await CheckAgainstAsync(number, fingerprint.ToLowerInvariant().Replace('-', ' '))).Page));

        // The latest entries deleted: the chain left is whole, only the note shows the cut.
        await ExecuteAsync(app, "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" >= 6");
        var (_, cut) = await CheckAgainstAsync(number, fingerprint);
        Assert.Equal("true", cut.QuerySelector("[data-testid=chain-status]")!.GetAttribute("data-intact"));
        Assert.Equal(nameof(AnchorCheck.Missing), Result(cut));
        Assert.Equal(string.Format(ResourceFiles.Value(Cultures.Vietnamese, "AuditLog_AnchorMissing"), 6, 5), cut.QuerySelector("[data-testid=anchor-status]")!.TextContent);

        // That reading became a new entry 6, chained properly: not the one noted.
        Assert.Equal(nameof(AnchorCheck.Differs), Result((await CheckAgainstAsync(number, fingerprint)).Page));

        var (status, typo) = await CheckAgainstAsync(number, "3F2A-91C0");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.NotNull(typo.QuerySelector("[data-testid=anchor-invalid]"));
        Assert.Null(typo.QuerySelector("[data-testid=chain-status]"));
    }

    [Fact]
    public async Task Reading_the_log_is_recorded_with_the_kinds_of_filter_used()
    {
        await using var wards = await TwoWardsAsync();
        var app = wards.App;
        var client = await SignedInAsync(app, wards.Staff);

        var filtered = await OpenAsync(client, $"{AuditPage}?resident={wards.ResidentHere}&action={AuditActions.ScanViewed}&from=2026-01-01");
        await client.SubmitAsync(filtered, "[data-testid=verify-form]");

        var readings = await EventsAsync(app, AuditActions.AuditViewed);
        Assert.Equal(2, readings.Count);
        Assert.All(readings, e =>
        {
            Assert.Equal(wards.Staff.UserId, e.UserId);
            Assert.Equal(wards.ResidentHere, e.ResidentId);
            Assert.Equal(AuditSubjects.OfWard(wards.Staff.WardId), e.Subject);
            Assert.Null(e.PointId);
        });
        Assert.Equal("action,resident,from", readings[0].Detail);
        Assert.Equal("action,resident,from,verify", readings[1].Detail);

        // "Who saw this resident's data" includes who read their part of the log.
        var aboutResident = await OpenAsync(client, $"{AuditPage}?resident={wards.ResidentHere}");
        Assert.Equal(readings.Select(e => e.Sequence).Reverse(), Sequences(aboutResident));
        Assert.Contains(ResourceFiles.Value(Cultures.Vietnamese, "AuditAction_AuditViewed"), aboutResident.QuerySelector("[data-testid=audit-events]")!.TextContent);
    }

    [Fact]
    public async Task No_name_or_ID_number_of_a_resident_is_shown()
    {
        await using var wards = await TwoWardsAsync();
        var app = wards.App;
        var (residentId, _, _) = await app.ResidentWithActivationAsync(wards.Staff.UserId, name: "Trương Thị Lan");
        string residentUser;
        using (var scope = app.Services.CreateScope())
            residentUser = (await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().Residents.SingleAsync(r => r.Id == residentId)).AccountUserId!;
        await RecordAsync(app,
            new(AuditActions.ResidentViewed, residentUser, residentId, Detail: "self"),
            new(AuditActions.ResidentIdRevealed, wards.Staff.UserId, wards.ResidentHere, PointId: wards.PointHere),
            // A detail that should never have held an ID number is masked all the same.
            new(AuditActions.ResidentSearched, wards.Staff.UserId, PointId: wards.PointHere, Detail: "id:079060001234"));
        var client = await SignedInAsync(app, wards.Staff);

        var page = await OpenAsync(client, AuditPage);
        var html = page.DocumentElement.OuterHtml;

        Assert.Equal([3L, 2L, 1L], Sequences(page));
        Assert.DoesNotContain("079060001234", html);
        Assert.DoesNotContain("Trương Thị Lan", html);
        Assert.DoesNotContain("Lâm Văn Phúc", html);
        Assert.Contains("id:" + AuditDetail.Mask, html);
        var whos = page.QuerySelectorAll("[data-testid=who]").Select(w => w.TextContent.Trim()).ToList();
        Assert.Equal(ResourceFiles.Value(Cultures.Vietnamese, "AuditLog_ByResident"), whos[2]);
        Assert.Equal("Người Thử " + Roles.WardStaff, whos[0]);
        // Residents are told apart by the start of their id, which links to their part of the log.
        Assert.Contains(page.QuerySelectorAll("[data-testid=resident-link]"), a => a.GetAttribute("href") == $"{AuditPage}?resident={wards.ResidentHere}");
    }

    [Theory]
    [InlineData(Roles.Volunteer)]
    [InlineData(Roles.Coordinator)]
    public async Task Volunteers_and_coordinators_are_sent_to_access_denied(string role)
    {
        await using var app = new HelpDeskApp(choice.Provider);
        var client = PageClient.For(app, await app.SessionOfAsync(role), followRedirects: false);

        var response = await client.Http.GetAsync(AuditPage);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location!.AbsolutePath);
        Assert.Empty(await EventsAsync(app, AuditActions.AuditViewed));
    }
}

public sealed class AuditPageTestsOnSqlite() : AuditPageTests(DatabaseProviderChoice.Sqlite);
public sealed class AuditPageTestsOnPostgres() : AuditPageTests(DatabaseProviderChoice.Postgres);
