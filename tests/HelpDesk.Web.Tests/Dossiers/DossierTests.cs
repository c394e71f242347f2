using System.Net;
using AngleSharp.Html.Dom;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Places;
using HelpDesk.Domain.Procedures;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Documents;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Dossiers;

/// <summary>
/// Submitting a dossier at the desk, the receipt slip with its QR, and the public tracking page the QR
/// opens: numbers per point and day, refusals that write nothing, and a public page without personal data.
/// </summary>
public abstract class DossierTests(DatabaseProviderChoice choice)
{
    private const string BirthRegistration = "1.001193";
    private const string BirthCertificate = "birthCertificate";
    private const string ResidentName = "Lâm Văn Phúc";
    private const string ChineseName = "林文福";
    private const string ResidentPhone = "0908123456";
    private const string ResidentId = "079060001234";
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));
    /// <summary>Friday 24 April 2026, 16:00 in Vietnam: after the 15:00 cut-off, before a weekend and the Giỗ Tổ day off on Monday 27.</summary>
    private static readonly DateTimeOffset FridayAfterCutOff = VietnamTime.At(new DateOnly(2026, 4, 24), new TimeOnly(16, 0));

    private static readonly IReadOnlyList<Dictionary<string, string>> BirthRegistrationSteps =
    [
        new()
        {
            ["childFullName"] = "Lâm Gia Huy", ["childDateOfBirth"] = "05/09/2025", ["childSex"] = "male",
            ["childPlaceOfBirth"] = "Bệnh viện Hùng Vương", ["childNationality"] = "Việt Nam", ["childHometown"] = "Quảng Đông",
        },
        new()
        {
            ["mother[0].motherFullName"] = "Trần Thị Mai", ["mother[0].motherDateOfBirth"] = "12/03/1995", ["mother[0].motherPersonalId"] = "079195001234",
            ["mother[0].motherResidence.street"] = "12 Lê Lợi", ["mother[0].motherResidence.ward"] = "Phường Chợ Lớn",
            ["mother[0].motherResidence.province"] = "Thành phố Hồ Chí Minh",
        },
        new() { ["filerFullName"] = "Trần Thị Mai", ["filerPersonalId"] = "079195001234", ["filerPhone"] = "0901234567", ["filerRelationship"] = "mother" },
    ];

    /// <summary>A volunteer on shift in an open visit of a resident (reads Traditional Chinese) who consented to filing a birth registration and keeping scans.</summary>
    private sealed record Desk(HelpDeskApp App, PageClient Volunteer, TestAccount Account, Guid VisitId, Guid ConsentId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private async Task<Desk> OnShiftAsync(DateTimeOffset? at = null, Dictionary<string, string?>? settings = null)
    {
        var app = new HelpDeskApp(choice.Provider, settings: settings);
        app.SetClock(at ?? During);
        var account = await app.CreateAsync(Roles.Volunteer);
        var point = await app.CreatePointAsync("TN01", account.UserId);
        InScope(app, db =>
        {
            var stored = db.ServicePoints.Single(p => p.Id == point.Id);
            stored.Update(stored.Name, stored.Address, "028 3855 0001", desks: 2);
            stored.ReplaceSchedule([
                new WeeklySession(DayOfWeek.Tuesday, new TimeOnly(17, 30), new TimeOnly(20, 30)),
                new WeeklySession(DayOfWeek.Friday, new TimeOnly(15, 30), new TimeOnly(20, 30))]);
            return db.SaveChanges();
        });
        var volunteer = PageClient.For(app);
        await volunteer.SignInAsync(account);
        var (_, desk) = await volunteer.GetAsync("/desk");
        (_, desk) = await volunteer.SubmitAsync(desk, "form[action*='handler=CheckIn']");
        var (_, visit) = await volunteer.SubmitAsync(desk, "form[action*='handler=StartVisit']");
        var visitId = Guid.Parse(new Uri(visit.Url).Segments[^1]);
        var residentId = await app.ServeResidentAsync(visitId, ResidentName, ChineseName, Cultures.TraditionalChinese, ResidentId);
        InScope(app, db =>
        {
            db.Residents.Single(r => r.Id == residentId).UpdateContact(
                new ResidentContact(ResidentPhone, null, null, null, null, null, Cultures.TraditionalChinese, false, false), app.Clock.GetUtcNow());
            return db.SaveChanges();
        });
        var consentId = await app.GiveConsentAsync(visitId, [ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], BirthRegistration);
        return new Desk(app, volunteer, account, visitId, consentId);
    }

    /// <summary>Starts a birth registration in the visit and fills every step; returns the draft's id.</summary>
    private static async Task<Guid> FilledDraftAsync(Desk desk)
    {
        var (_, start) = await desk.Volunteer.GetAsync($"/desk/visits/{desk.VisitId}/file");
        var (_, step) = await desk.Volunteer.SubmitAsync(start, "[data-testid=start-form]", new Dictionary<string, string> { ["ProcedureCode"] = BirthRegistration });
        var draftId = Guid.Parse(new Uri(step.Url).AbsolutePath.Split('/')[3]);
        foreach (var answers in BirthRegistrationSteps)
            (_, step) = await desk.Volunteer.SubmitAsync(step, "[data-testid=step-form]", answers, "filing-action", "save");
        Assert.EndsWith("/review", new Uri(step.Url).AbsolutePath);
        return draftId;
    }

    /// <summary>Adds a photo of the birth certificate, as the papers page does; returns the page's id.</summary>
    private static async Task<Guid> AddBirthCertificateAsync(Desk desk, Guid draftId)
    {
        using var scope = desk.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var draft = await db.DossierDrafts.SingleAsync(d => d.Id == draftId);
        var document = scope.ServiceProvider.GetRequiredService<ProcedureCatalog>().FindByCode(BirthRegistration)!.Documents.Single(d => d.Id == BirthCertificate);
        var residentId = await db.Visits.Where(v => v.Id == desk.VisitId).Select(v => v.ResidentId).SingleAsync();
        var page = await scope.ServiceProvider.GetRequiredService<Scans>().AddAsync(draft, document, SampleScans.Jpeg(), desk.Account.UserId, residentId);
        return page.Id;
    }

    private static async Task<(Guid DraftId, IHtmlDocument Review)> ReadyToSubmitAsync(Desk desk)
    {
        var draftId = await FilledDraftAsync(desk);
        await AddBirthCertificateAsync(desk, draftId);
        var (_, review) = await desk.Volunteer.GetAsync(ReviewOf(draftId));
        Assert.NotNull(review.QuerySelector("[data-testid=submit-form]"));
        return (draftId, review);
    }

    private static Task<(HttpResponseMessage Response, IHtmlDocument Document)> SubmitAsync(Desk desk, IHtmlDocument review) =>
        desk.Volunteer.SubmitAsync(review, "[data-testid=submit-form]");

    private static string ReviewOf(Guid draftId) => $"/desk/drafts/{draftId}/review";

    private static T InScope<T>(HelpDeskApp app, Func<HelpDeskDbContext, T> read)
    {
        using var scope = app.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>());
    }

    private static void AssertNothingFiled(Desk desk, Guid draftId)
    {
        Assert.Equal(0, InScope(desk.App, db => db.Dossiers.Count()));
        Assert.Equal(0, InScope(desk.App, db => db.DossierTransitions.Count()));
        Assert.Null(InScope(desk.App, db => db.DossierDrafts.Single(d => d.Id == draftId).DossierId));
        Assert.DoesNotContain(InScope(desk.App, db => db.AuditEvents.Select(e => e.Action).ToList()), a => a == AuditActions.DossierSubmitted);
    }

    private static string Text(IHtmlDocument page, string testId) => page.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    /// <summary>The tracking code printed on a slip, as the resident would type it.</summary>
    private static string CodeOn(IHtmlDocument slip) => Text(slip, "slip-code");

    [Fact]
    public async Task Submit_is_not_offered_and_is_refused_while_the_form_is_incomplete()
    {
        await using var desk = await OnShiftAsync();
        var (draftId, review) = await ReadyToSubmitAsync(desk);

        // Another tab emptied the first screen after this sheet was printed.
        var procedure = desk.App.Services.GetRequiredService<ProcedureCatalog>().FindByCode(BirthRegistration)!;
        InScope(desk.App, db =>
        {
            db.DossierDrafts.Single(d => d.Id == draftId).SaveStep(procedure.Steps[0], new Dictionary<string, string>(), 0, desk.App.Clock.GetUtcNow());
            return db.SaveChanges();
        });
        var (response, refused) = await SubmitAsync(desk, review);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResourceFiles.Value("vi", "Error_DossierIncomplete"), Text(refused, "submit-error"));
        Assert.Null(refused.QuerySelector("[data-testid=submit-form]"));
        Assert.NotNull(refused.QuerySelector("[data-testid=blocked-incomplete]"));
        AssertNothingFiled(desk, draftId);
    }

    [Fact]
    public async Task Submit_is_not_offered_and_is_refused_while_a_required_paper_is_missing()
    {
        await using var desk = await OnShiftAsync();
        var draftId = await FilledDraftAsync(desk);
        var (_, withoutPaper) = await desk.Volunteer.GetAsync(ReviewOf(draftId));
        Assert.Null(withoutPaper.QuerySelector("[data-testid=submit-form]"));
        Assert.NotNull(withoutPaper.QuerySelector($"[data-testid=blocked-paper-{BirthCertificate}]"));

        var pageId = await AddBirthCertificateAsync(desk, draftId);
        var (_, review) = await desk.Volunteer.GetAsync(ReviewOf(draftId));
        InScope(desk.App, db => db.ScannedPages.Where(p => p.Id == pageId).ExecuteDelete());
        var (_, refused) = await SubmitAsync(desk, review);

        Assert.Equal(ResourceFiles.Value("vi", "Error_DossierDocumentsMissing"), Text(refused, "submit-error"));
        AssertNothingFiled(desk, draftId);
    }

    [Fact]
    public async Task Submit_is_refused_once_the_consent_is_withdrawn()
    {
        await using var desk = await OnShiftAsync();
        var (draftId, review) = await ReadyToSubmitAsync(desk);
        InScope(desk.App, db =>
        {
            db.Consents.Single(c => c.Id == desk.ConsentId).Withdraw(desk.Account.UserId, desk.App.Clock.GetUtcNow());
            return db.SaveChanges();
        });

        var (_, visit) = await SubmitAsync(desk, review);

        Assert.Equal($"/desk/visits/{desk.VisitId}", new Uri(visit.Url).AbsolutePath);
        Assert.Equal(ResourceFiles.Value("vi", "Consent_NeededToFile"), Text(visit, "visit-message"));
        AssertNothingFiled(desk, draftId);
    }

    [Fact]
    public async Task Submitting_files_one_dossier_numbered_by_point_and_day_and_the_draft_can_no_longer_be_edited()
    {
        await using var desk = await OnShiftAsync();
        var (draftId, review) = await ReadyToSubmitAsync(desk);

        var (_, slip) = await SubmitAsync(desk, review);

        var day = VietnamTime.Today(During).ToString("yyMMdd");
        var dossier = InScope(desk.App, db => db.Dossiers.Include(d => d.Transitions).Single());
        Assert.Equal($"/desk/dossiers/{dossier.Id}/slip", new Uri(slip.Url).AbsolutePath);
        Assert.Equal($"TN01-{day}-0001", dossier.Number);
        Assert.Equal(DossierStatus.Submitted, dossier.Status);
        Assert.Equal(desk.ConsentId, dossier.ConsentId);
        Assert.Equal("Lâm Gia Huy", dossier.Answers["childFullName"]);
        var transition = Assert.Single(dossier.Transitions);
        Assert.Equal((null, DossierStatus.Submitted, desk.Account.UserId), (transition.From, transition.To, transition.By));
        Assert.Equal(1, InScope(desk.App, db => db.DossierTransitions.Count()));
        var submitted = Assert.Single(InScope(desk.App, db => db.AuditEvents.Where(e => e.Action == AuditActions.DossierSubmitted).ToList()));
        Assert.Equal($"dossier:{dossier.Id}", submitted.Subject);
        Assert.Equal(dossier.Number, submitted.Detail);
        Assert.Null(await desk.App.Services.CreateScope().ServiceProvider.GetRequiredService<HelpDesk.Web.Audit.AuditLog>().FirstBrokenAsync());
        var draft = InScope(desk.App, db => db.DossierDrafts.Single(d => d.Id == draftId));
        Assert.Equal((dossier.Id, dossier.SubmittedAt), (draft.DossierId!.Value, draft.SubmittedAt!.Value));
        // The code is kept encrypted: neither it nor its grouped form is in the table as text.
        var stored = InScope(desk.App, db => db.Database.SqlQueryRaw<string>("SELECT \"TrackingCode\" AS \"Value\" FROM \"Dossiers\"").Single());
        Assert.DoesNotContain(dossier.TrackingCodeCompact, stored);

        var noRedirects = PageClient.For(desk.App, desk.Volunteer.Cookies, followRedirects: false);
        foreach (var address in new[] { $"/desk/drafts/{draftId}/steps/1", ReviewOf(draftId), $"/desk/drafts/{draftId}/documents" })
        {
            var response = await noRedirects.Http.GetAsync(address);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/desk/dossiers/{dossier.Id}/slip", response.Headers.Location?.OriginalString);
        }
        await SubmitAsync(desk, review);
        Assert.Equal(1, InScope(desk.App, db => db.Dossiers.Count()));

        var (_, second) = await ReadyToSubmitAsync(desk);
        await SubmitAsync(desk, second);
        Assert.Equal([$"TN01-{day}-0001", $"TN01-{day}-0002"], InScope(desk.App, db => db.Dossiers.OrderBy(d => d.Number).Select(d => d.Number).ToList()));
        var (_, visitPage) = await desk.Volunteer.GetAsync($"/desk/visits/{desk.VisitId}");
        Assert.NotNull(visitPage.QuerySelector($"[data-testid='dossier-TN01-{day}-0001'] a[href='/desk/dossiers/{dossier.Id}/slip']"));
        Assert.NotNull(visitPage.QuerySelector($"[data-testid='dossier-TN01-{day}-0002'] [data-testid=slip-link]"));
        var (_, start) = await desk.Volunteer.GetAsync($"/desk/visits/{desk.VisitId}/file");
        Assert.Null(start.QuerySelector("[data-testid=resume]"));
    }

    [Fact]
    public async Task The_slip_prints_number_grouped_code_qr_both_languages_and_the_expected_date_after_the_cut_off()
    {
        await using var desk = await OnShiftAsync(FridayAfterCutOff);
        var (_, review) = await ReadyToSubmitAsync(desk);

        var (_, slip) = await SubmitAsync(desk, review);

        Assert.Equal("TN01-260424-0001", Text(slip, "slip-number"));
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", CodeOn(slip));
        var compact = CodeOn(slip).Replace("-", "");
        Assert.Equal(TrackingCodeCheck.Valid, TrackingCode.Parse(compact, out var code));
        Assert.Equal(code!.LookupHash, InScope(desk.App, db => db.Dossiers.Single().TrackingCodeHash));
        Assert.StartsWith("data:image/svg+xml;base64,", slip.QuerySelector("img[data-testid=slip-qr]")!.GetAttribute("src"));
        var title = slip.QuerySelector("h1")!;
        Assert.Equal("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", title.QuerySelector("[lang=vi]")!.TextContent.Trim());
        Assert.Equal(ResourceFiles.Value("zh-Hant", "Slip_Title"), title.QuerySelector("[lang=zh-Hant]")!.TextContent.Trim());
        Assert.Contains(ResidentName, Text(slip, "slip-applicant"));
        Assert.Equal(ChineseName, Text(slip, "slip-applicant-chinese"));
        Assert.Equal(ResidentPhone, Text(slip, "slip-applicant-phone"));
        Assert.Matches("^16:0[0-9] 24/04/2026$", Text(slip, "slip-submitted")); // the test clock runs on from 16:00
        // Same-day procedure after 15:00 on a Friday: the weekend and the Giỗ Tổ day off (Monday 27) are skipped.
        Assert.Equal("28/04/2026", Text(slip, "slip-return-date"));
        Assert.Contains(ResourceFiles.Value("vi", "Slip_ExpectedReturn"), slip.QuerySelector(".slip-facts")!.TextContent);
        Assert.NotNull(slip.QuerySelector($"[data-testid=slip-paper-{BirthCertificate}]"));
        Assert.Equal("028 3855 0001", Text(slip, "slip-point-phone"));
        Assert.Equal("vi-VN", slip.QuerySelector("[data-testid=read-aloud-vi]")!.GetAttribute("data-lang"));
        Assert.Equal("zh-TW", slip.QuerySelector("[data-testid=read-aloud-resident]")!.GetAttribute("data-lang"));
        Assert.Contains("2026年4月28日", slip.QuerySelector("[data-testid=read-aloud-resident]")!.GetAttribute("data-text")); // said as a date, not digits
        Assert.NotNull(slip.QuerySelector("link[data-testid=slip-layout-a5]"));

        var (_, receipt) = await desk.Volunteer.GetAsync(new Uri(slip.Url).AbsolutePath + "?layout=receipt");
        Assert.NotNull(receipt.QuerySelector("link[data-testid=slip-layout-receipt]"));
        Assert.Equal(CodeOn(slip), CodeOn(receipt));
        Assert.Equal(2, InScope(desk.App, db => db.AuditEvents.Count(e => e.Action == AuditActions.DossierSlipViewed)));
    }

    [Fact]
    public async Task The_tracking_page_shows_status_and_dates_in_the_visitors_language_and_no_personal_data()
    {
        await using var desk = await OnShiftAsync(FridayAfterCutOff);
        var (_, review) = await ReadyToSubmitAsync(desk);
        var (_, slip) = await SubmitAsync(desk, review);
        var visitor = PageClient.For(desk.App);

        var (response, page) = await visitor.GetAsync("/t/" + CodeOn(slip).Replace("-", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResourceFiles.Value("vi", "DossierStatus_Submitted"), Text(page, "track-status"));
        Assert.Equal("TN01-260424-0001", Text(page, "track-number"));
        Assert.Equal("2026-04-28", page.QuerySelector("[data-testid=track-return-date]")!.GetAttribute("data-date"));
        Assert.Contains("24/04/2026", Text(page, "track-submitted"));
        Assert.Equal(ResourceFiles.Value("vi", "Slip_BringText"), Text(page, "track-bring"));
        var html = page.DocumentElement.OuterHtml;
        foreach (var personal in new[] { ResidentName, ChineseName, ResidentPhone, ResidentId, "Lâm Gia Huy", "Trần Thị Mai", "079195001234" })
            Assert.DoesNotContain(personal, html);

        var (_, chinese) = await visitor.GetAsync("/t/" + CodeOn(slip) + "?culture=zh-Hant");
        Assert.Equal(ResourceFiles.Value("zh-Hant", "DossierStatus_Submitted"), Text(chinese, "track-status"));
    }

    [Fact]
    public async Task Mistyped_malformed_and_unknown_codes_get_three_different_answers()
    {
        await using var desk = await OnShiftAsync();
        var visitor = PageClient.For(desk.App);
        var valid = TrackingCode.New().Compact;
        var mistyped = valid[..^1] + TrackingCode.Alphabet[(TrackingCode.Alphabet.IndexOf(valid[^1]) + 1) % 32];

        var (unknownResponse, unknown) = await visitor.GetAsync("/t/" + valid);
        var (_, typo) = await visitor.GetAsync("/t/" + mistyped);
        var (_, malformed) = await visitor.GetAsync("/t/ABC");

        Assert.Equal(HttpStatusCode.NotFound, unknownResponse.StatusCode);
        Assert.Equal(ResourceFiles.Value("vi", "Track_Unknown"), Text(unknown, "track-unknown"));
        Assert.Equal(ResourceFiles.Value("vi", "Error_TrackingCodeMistyped"), Text(typo, "track-error"));
        Assert.Equal(ResourceFiles.Value("vi", "Error_TrackingCodeMalformed"), Text(malformed, "track-error"));
        Assert.Equal(mistyped, (typo.QuerySelector("[data-testid=track-code]") as IHtmlInputElement)!.Value);

        // The form at /t: a typo stays in the box with its message; a good code goes to its page.
        var (_, form) = await visitor.GetAsync("/t");
        var (_, refused) = await visitor.SubmitAsync(form, "[data-testid=track-form]", new Dictionary<string, string> { ["Code"] = "k7m2 9qxd" });
        Assert.Equal("/t", new Uri(refused.Url).AbsolutePath);
        Assert.Equal("k7m2 9qxd", (refused.QuerySelector("[data-testid=track-code]") as IHtmlInputElement)!.Value);
        Assert.Equal(ResourceFiles.Value("vi", "Error_TrackingCodeMalformed"), Text(refused, "track-error"));
        var (_, found) = await visitor.SubmitAsync(form, "[data-testid=track-form]", new Dictionary<string, string> { ["Code"] = valid.ToLowerInvariant() });
        Assert.Equal("/t/" + valid, new Uri(found.Url).AbsolutePath);
    }

    [Fact]
    public async Task The_twenty_first_lookup_in_a_minute_gets_429_unless_the_limit_is_switched_off()
    {
        await using var limited = await OnShiftAsync();
        var visitor = PageClient.For(limited.App);
        for (var i = 0; i < 20; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await visitor.Http.GetAsync("/t/" + TrackingCode.New().Compact)).StatusCode);
        var (blocked, page) = await visitor.GetAsync("/t/" + TrackingCode.New().Compact);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal(ResourceFiles.Value("vi", "Error_TooManyTitle"), page.QuerySelector("h1")!.TextContent.Trim());

        await using var unlimited = new HelpDeskApp(choice.Provider, settings: new Dictionary<string, string?> { ["HelpDesk:Security:PublicCodeLimitPerMinute"] = "0" });
        var benchmark = PageClient.For(unlimited);
        for (var i = 0; i < 25; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await benchmark.Http.GetAsync("/t/" + TrackingCode.New().Compact)).StatusCode);
    }

    [Fact]
    public async Task Ward_staff_see_the_slip_of_their_ward_and_another_wards_staff_get_404()
    {
        await using var desk = await OnShiftAsync();
        var (_, review) = await ReadyToSubmitAsync(desk);
        var (_, slip) = await SubmitAsync(desk, review);
        var address = new Uri(slip.Url).AbsolutePath;

        var ownStaff = await desk.App.CreateAsync(Roles.WardStaff);
        var own = PageClient.For(desk.App);
        await own.SignInAsync(ownStaff);
        var (ownResponse, ownSlip) = await own.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        Assert.Equal(CodeOn(slip), CodeOn(ownSlip));

        var otherStaff = await desk.App.CreateAsync(Roles.WardStaff);
        InScope(desk.App, db =>
        {
            var ward = new Ward("Phường Khác", "Thành phố Hồ Chí Minh");
            db.Wards.Add(ward);
            db.Users.Single(u => u.Id == otherStaff.UserId).WardId = ward.Id;
            return db.SaveChanges();
        });
        var other = PageClient.For(desk.App);
        await other.SignInAsync(otherStaff);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(address)).StatusCode);

        // A volunteer of the same point, on shift but not in that visit, does not see it either.
        var colleague = await desk.App.CreateAsync(Roles.Volunteer);
        var pointId = InScope(desk.App, db => db.ServicePoints.Single().Id);
        InScope(desk.App, db => { db.PointAssignments.Add(new PointAssignment(pointId, colleague.UserId, DateTimeOffset.UtcNow)); return db.SaveChanges(); });
        var colleagueClient = PageClient.For(desk.App);
        await colleagueClient.SignInAsync(colleague);
        var (_, colleagueDesk) = await colleagueClient.GetAsync("/desk");
        await colleagueClient.SubmitAsync(colleagueDesk, "form[action*='handler=CheckIn']");
        Assert.Equal(HttpStatusCode.NotFound, (await colleagueClient.Http.GetAsync(address)).StatusCode);
    }
}

public sealed class DossierTestsOnSqlite() : DossierTests(DatabaseProviderChoice.Sqlite);
public sealed class DossierTestsOnPostgres() : DossierTests(DatabaseProviderChoice.Postgres);
