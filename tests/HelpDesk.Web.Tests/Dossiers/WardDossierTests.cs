using System.Net;
using AngleSharp.Html.Dom;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Places;
using HelpDesk.Domain.Procedures;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Dossiers;

/// <summary>
/// The ward's side of a dossier: the queue (no names, own ward only, late ones marked), the dossier page
/// (its opening recorded), and the moves an officer makes on it — each one a transition and an audit
/// event, refused whole (with the reason in Vietnamese) when the table, a missing reason or a concurrent
/// change says no.
/// </summary>
public abstract class WardDossierTests(DatabaseProviderChoice choice)
{
    private const string ResidentName = "Quách Thị Ngọc";
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    /// <summary>A dossier filed at a point of the test ward, and an officer of that ward signed in.</summary>
    private sealed record Office(HelpDeskApp App, Dossier Filed, TestAccount Officer, PageClient Staff) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private async Task<Office> FiledAsync()
    {
        var app = new HelpDeskApp(choice.Provider);
        app.SetClock(During);
        var dossier = await app.FileBirthRegistrationAsync(ResidentName, "郭氏玉");
        var officer = await app.CreateAsync(Roles.WardStaff);
        var staff = PageClient.For(app);
        await staff.SignInAsync(officer);
        return new Office(app, dossier, officer, staff);
    }

    private static string PageOf(Dossier dossier) => $"/staff/dossiers/{dossier.Id}";

    private static T InScope<T>(HelpDeskApp app, Func<HelpDeskDbContext, T> read)
    {
        using var scope = app.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>());
    }

    private static Dossier Stored(Office ward) =>
        InScope(ward.App, db => db.Dossiers.AsNoTracking().Include(d => d.Transitions).Single(d => d.Id == ward.Filed.Id));

    private static List<string?> MoveEvents(Office ward) =>
        InScope(ward.App, db => db.AuditEvents.Where(e => e.Action == AuditActions.DossierMoved).OrderBy(e => e.Sequence).Select(e => e.Detail).ToList());

    /// <summary>Opens the dossier page and presses the button of <paramref name="intent"/> with <paramref name="values"/> typed in its form.</summary>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> MoveAsync(
        Office ward, DossierIntent intent, Dictionary<string, string>? values = null, PageClient? client = null)
    {
        var (_, page) = await (client ?? ward.Staff).GetAsync(PageOf(ward.Filed));
        return await (client ?? ward.Staff).SubmitAsync(page, $"[data-testid=move-{intent}]", values);
    }

    private static string Text(IHtmlDocument page, string testId) => page.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    [Fact]
    public async Task The_queue_lists_the_wards_dossiers_waiting_to_be_received_without_naming_anyone()
    {
        await using var ward = await FiledAsync();

        var (response, queue) = await ward.Staff.GetAsync("/staff/dossiers?view=ToReceive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(queue.QuerySelectorAll("[data-testid=queue-row]"));
        Assert.Equal(ward.Filed.Number, row.GetAttribute("data-number"));
        Assert.Contains(ResourceFiles.Value("vi", "DossierStatus_Submitted"), row.TextContent);
        Assert.DoesNotContain(ResidentName, queue.DocumentElement.OuterHtml);
        var (_, running) = await ward.Staff.GetAsync("/staff/dossiers?view=Running");
        Assert.Empty(running.QuerySelectorAll("[data-testid=queue-row]"));
    }

    [Fact]
    public async Task Another_wards_officer_neither_lists_nor_opens_nor_moves_the_dossier()
    {
        await using var ward = await FiledAsync();
        var stranger = await ward.App.CreateAsync(Roles.WardStaff);
        InScope(ward.App, db =>
        {
            var other = new Ward("Phường Khác", "Thành phố Hồ Chí Minh");
            db.Wards.Add(other);
            db.Users.Single(u => u.Id == stranger.UserId).WardId = other.Id;
            return db.SaveChanges();
        });
        var client = PageClient.For(ward.App);
        await client.SignInAsync(stranger);

        var (_, queue) = await client.GetAsync("/staff/dossiers");
        var (opened, _) = await client.GetAsync(PageOf(ward.Filed));
        // A post made by hand, with the stranger's own anti-forgery token from a page they may open.
        var (_, security) = await client.GetAsync("/account/security");
        var token = security.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var moved = await client.Http.PostAsync(PageOf(ward.Filed) + "?handler=Move", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["intent"] = nameof(DossierIntent.Receive), ["version"] = ward.Filed.Version.ToString(),
        }));

        Assert.Empty(queue.QuerySelectorAll("[data-testid=queue-row]"));
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, moved.StatusCode);
        Assert.Equal(DossierStatus.Submitted, Stored(ward).Status);
    }

    [Fact]
    public async Task Opening_the_dossier_shows_the_resident_the_answers_and_the_history_and_is_recorded()
    {
        await using var ward = await FiledAsync();

        var (response, page) = await ward.Staff.GetAsync(PageOf(ward.Filed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ResidentName, Text(page, "resident"));
        Assert.Equal(FilingFixture.BirthRegistrationAnswers["childFullName"], Text(page, "answer-childFullName"));
        // The mother's ID number is masked on screen: the scans and the register hold it.
        Assert.DoesNotContain(FilingFixture.BirthRegistrationAnswers["mother[0].motherPersonalId"], page.DocumentElement.OuterHtml);
        Assert.Single(page.QuerySelectorAll("[data-testid=transition]"));
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=scan-link]"));
        var viewed = InScope(ward.App, db => db.AuditEvents.Where(e => e.Action == AuditActions.DossierViewed).ToList());
        var seen = Assert.Single(viewed);
        Assert.Equal(ward.Officer.UserId, seen.UserId);
        Assert.Equal(ward.Filed.ResidentId, seen.ResidentId);
    }

    [Fact]
    public async Task Receiving_the_papers_starts_the_clock_makes_the_officer_responsible_and_is_recorded()
    {
        await using var ward = await FiledAsync();

        var (response, page) = await MoveAsync(ward, DossierIntent.Receive);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Stored(ward);
        Assert.Equal(DossierStatus.Received, stored.Status);
        var procedure = ward.App.Services.GetRequiredService<ProcedureCatalog>().FindByCode(stored.ProcedureCode)!;
        var calendar = ward.App.Services.GetRequiredService<HolidayCalendar>();
        Assert.Equal(ProcessingClock.DueDate(ward.App.Clock.GetUtcNow(), procedure.TimeLimit, calendar), stored.DueDate);
        Assert.NotNull(stored.DueDate);
        Assert.Equal(ward.Officer.UserId, stored.AssignedTo);
        var receipt = stored.Transitions.Last();
        Assert.Equal((DossierStatus.Submitted, DossierStatus.Received, ward.Officer.UserId, Roles.WardStaff), (receipt.From!.Value, receipt.To, receipt.By, receipt.Role));
        Assert.Equal(["Receive"], MoveEvents(ward));
        Assert.Equal(ResourceFiles.Value("vi", "DossierStatus_Received"), Text(page, "status"));
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=transition]").Length);
    }

    [Fact]
    public async Task A_move_that_needs_a_reason_is_refused_without_one_and_writes_nothing()
    {
        await using var ward = await FiledAsync();

        var (response, page) = await MoveAsync(ward, DossierIntent.RefuseToAccept, new() { ["reason"] = "   " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(ResourceFiles.Value("vi", "Error_DossierReasonRequired"), Text(page, "refusal"));
        Assert.Equal(DossierStatus.Submitted, Stored(ward).Status);
        Assert.Single(Stored(ward).Transitions);
        Assert.Empty(MoveEvents(ward));
    }

    [Fact]
    public async Task A_move_the_table_does_not_allow_from_here_is_refused()
    {
        await using var ward = await FiledAsync();
        var (_, page) = await ward.Staff.GetAsync(PageOf(ward.Filed));

        // "Hand over the result" is not offered to a dossier just filed; a crafted post is refused all the same.
        Assert.Null(page.QuerySelector("[data-testid=move-Return]"));
        var (response, refused) = await ward.Staff.SubmitAsync(page, "[data-testid=move-Receive]", new Dictionary<string, string> { ["intent"] = nameof(DossierIntent.Return) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(ResourceFiles.Value("vi", "Error_DossierMoveNotAllowed"), Text(refused, "refusal"));
        Assert.Equal(DossierStatus.Submitted, Stored(ward).Status);
    }

    [Fact]
    public async Task A_page_opened_before_a_colleagues_move_cannot_move_the_dossier_again()
    {
        await using var ward = await FiledAsync();
        var (_, stale) = await ward.Staff.GetAsync(PageOf(ward.Filed));
        var colleague = await ward.App.CreateAsync(Roles.WardStaff);
        var colleagueClient = PageClient.For(ward.App);
        await colleagueClient.SignInAsync(colleague);
        await MoveAsync(ward, DossierIntent.Receive, client: colleagueClient);

        var (response, refused) = await ward.Staff.SubmitAsync(stale, "[data-testid=move-Receive]");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(ResourceFiles.Value("vi", "Error_DossierChangedMeanwhile"), Text(refused, "refusal"));
        Assert.Equal(ResourceFiles.Value("vi", "DossierStatus_Received"), Text(refused, "status"));
        Assert.Equal(colleague.UserId, Stored(ward).AssignedTo);
        Assert.Single(Stored(ward).Transitions, t => t.To == DossierStatus.Received);
        Assert.Equal(["Receive"], MoveEvents(ward));
    }

    [Fact]
    public async Task A_supplement_request_names_the_papers_stops_the_clock_and_the_next_receipt_restarts_it()
    {
        await using var ward = await FiledAsync();
        await MoveAsync(ward, DossierIntent.Receive);
        var firstDue = Stored(ward).DueDate;

        await MoveAsync(ward, DossierIntent.RequestSupplement, new()
        {
            ["documents"] = FilingFixture.BirthCertificate,
            ["reason"] = "Giấy chứng sinh bị mờ, cần bản rõ hơn.",
        });
        var waiting = Stored(ward);
        Assert.Equal(DossierStatus.NeedsSupplement, waiting.Status);
        Assert.Null(waiting.DueDate);
        Assert.Equal([FilingFixture.BirthCertificate], waiting.RequestedDocuments);
        Assert.Equal("Giấy chứng sinh bị mờ, cần bản rõ hơn.", waiting.Transitions.Last().Reason);

        // The resident brings the paper to the ward a week later; the clock counts again from zero.
        ward.App.Clock.Advance(TimeSpan.FromDays(7));
        await ward.Staff.SignInAsync(ward.Officer);
        await MoveAsync(ward, DossierIntent.Resubmit);
        var (_, received) = await MoveAsync(ward, DossierIntent.Receive);

        var restarted = Stored(ward);
        Assert.Equal(DossierStatus.Received, restarted.Status);
        Assert.True(restarted.DueDate > firstDue);
        Assert.Empty(restarted.RequestedDocuments);
        Assert.Equal(["Receive", "RequestSupplement", "Resubmit", "Receive"], MoveEvents(ward));
        Assert.Equal(5, received.QuerySelectorAll("[data-testid=transition]").Length);
    }

    [Fact]
    public async Task The_due_date_moves_once_to_a_later_working_day_and_the_offer_then_disappears()
    {
        await using var ward = await FiledAsync();
        await MoveAsync(ward, DossierIntent.Receive);
        var due = Stored(ward).DueDate!.Value;
        var calendar = ward.App.Services.GetRequiredService<HolidayCalendar>();
        var later = calendar.AddWorkingDays(due, 5);

        var (_, page) = await MoveAsync(ward, DossierIntent.Extend, new()
        {
            ["newDueDate"] = later.ToString("yyyy-MM-dd"),
            ["reason"] = "Chờ xác minh thông tin với nơi sinh.",
        });

        var stored = Stored(ward);
        Assert.Equal(later, stored.DueDate);
        Assert.Equal(due, stored.OriginalDueDate);
        Assert.True(stored.Extended);
        Assert.Null(page.QuerySelector("[data-testid=move-Extend]"));
    }

    [Fact]
    public async Task Late_dossiers_stand_out_in_the_queue()
    {
        await using var ward = await FiledAsync();
        await MoveAsync(ward, DossierIntent.Receive);
        var due = Stored(ward).DueDate!.Value;
        ward.App.SetClock(VietnamTime.At(due.AddDays(1), new TimeOnly(9, 0)));
        await ward.Staff.SignInAsync(ward.Officer);

        var (_, late) = await ward.Staff.GetAsync("/staff/dossiers?view=Late");

        var row = Assert.Single(late.QuerySelectorAll("[data-testid=queue-row]"));
        Assert.NotNull(row.QuerySelector("[data-testid=late]"));
    }

    [Fact]
    public async Task The_responsible_officer_is_reminded_two_working_days_before_the_due_date_and_once_it_is_late()
    {
        await using var ward = await FiledAsync();
        await MoveAsync(ward, DossierIntent.Receive); // the officer who receives it becomes responsible
        var due = Stored(ward).DueDate!.Value;
        var calendar = ward.App.Services.GetRequiredService<HolidayCalendar>();
        var colleague = await ward.App.CreateAsync(Roles.WardStaff);

        async Task<IHtmlDocument> QueueOnAsync(DateOnly day, TestAccount officer, string query = "")
        {
            ward.App.SetClock(VietnamTime.At(day, new TimeOnly(9, 0)));
            await ward.Staff.SignInAsync(officer);
            return (await ward.Staff.GetAsync("/staff/dossiers" + query)).Document;
        }

        var early = await QueueOnAsync(calendar.AddWorkingDays(due, -3), ward.Officer);
        Assert.Null(early.QuerySelector("[data-testid=reminder]"));
        Assert.Empty((await ward.Staff.GetAsync("/staff/dossiers?view=DueSoon")).Document.QuerySelectorAll("[data-testid=queue-row]"));

        var soon = await QueueOnAsync(calendar.AddWorkingDays(due, -2), ward.Officer);
        var link = soon.QuerySelector("[data-testid=reminder-due-soon]")!;
        Assert.Equal(string.Format(ResourceFiles.Value("vi", "Queue_ReminderDueSoon"), 1, 2), link.TextContent.Trim());
        Assert.Null(soon.QuerySelector("[data-testid=reminder-late]"));
        var (_, listed) = await ward.Staff.GetAsync("/staff/dossiers" + link.GetAttribute("href"));
        Assert.Equal(ward.Filed.Number, Assert.Single(listed.QuerySelectorAll("[data-testid=queue-row]")).GetAttribute("data-number"));
        Assert.Null((await QueueOnAsync(calendar.AddWorkingDays(due, -2), colleague)).QuerySelector("[data-testid=reminder]"));

        var late = await QueueOnAsync(due.AddDays(1), ward.Officer);
        Assert.Equal(string.Format(ResourceFiles.Value("vi", "Queue_ReminderLate"), 1), late.QuerySelector("[data-testid=reminder-late]")!.TextContent.Trim());
        Assert.Null(late.QuerySelector("[data-testid=reminder-due-soon]"));
        Assert.Empty((await ward.Staff.GetAsync("/staff/dossiers?view=DueSoon")).Document.QuerySelectorAll("[data-testid=queue-row]"));
    }

    [Fact]
    public async Task A_leader_sees_who_is_behind_and_an_officer_does_not()
    {
        await using var ward = await FiledAsync();
        await MoveAsync(ward, DossierIntent.Receive);
        var due = Stored(ward).DueDate!.Value;
        ward.App.SetClock(VietnamTime.At(due.AddDays(1), new TimeOnly(9, 0)));
        await ward.Staff.SignInAsync(ward.Officer);
        Assert.Null((await ward.Staff.GetAsync("/staff/dossiers")).Document.QuerySelector("[data-testid=workload]"));

        var leader = PageClient.For(ward.App);
        await leader.SignInAsync(await ward.App.CreateAsync(Roles.Leader));
        var (_, queue) = await leader.GetAsync("/staff/dossiers");

        var row = Assert.Single(queue.QuerySelectorAll("[data-testid=workload-row]"));
        Assert.Equal(ward.Officer.UserId, row.GetAttribute("data-officer"));
        Assert.Equal(["1", "0", "1"], row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()));
    }

    [Fact]
    public async Task Responsibility_goes_only_to_an_officer_of_the_ward()
    {
        await using var ward = await FiledAsync();
        var colleague = await ward.App.CreateAsync(Roles.WardStaff);
        var volunteer = InScope(ward.App, db => db.Dossiers.Single().FiledBy);
        var (_, page) = await ward.Staff.GetAsync(PageOf(ward.Filed));

        var (refusedResponse, refused) = await ward.Staff.SubmitAsync(page, "[data-testid=assign]", new Dictionary<string, string> { ["officerId"] = volunteer });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedResponse.StatusCode);
        Assert.Equal(ResourceFiles.Value("vi", "Error_DossierOfficerUnknown"), Text(refused, "refusal"));
        Assert.Null(Stored(ward).AssignedTo);

        await ward.Staff.SubmitAsync(refused, "[data-testid=assign]", new Dictionary<string, string> { ["officerId"] = colleague.UserId });
        Assert.Equal(colleague.UserId, Stored(ward).AssignedTo);
        Assert.Single(InScope(ward.App, db => db.AuditEvents.Where(e => e.Action == AuditActions.DossierAssigned).ToList()));
        var (_, mine) = await ward.Staff.GetAsync("/staff/dossiers?mine=true");
        Assert.Empty(mine.QuerySelectorAll("[data-testid=queue-row]"));
    }
}

public sealed class WardDossierTestsOnSqlite() : WardDossierTests(DatabaseProviderChoice.Sqlite);
public sealed class WardDossierTestsOnPostgres() : WardDossierTests(DatabaseProviderChoice.Postgres);
