using System.Net;
using AngleSharp.Html.Dom;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Procedures;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Dossiers;

/// <summary>
/// The notices the ward prints for a resident who reads Traditional Chinese: the request for more papers
/// (Mẫu 02), the refusal (Mẫu 03) and the apology with a new date (Mẫu 04) — each only once its move was
/// made, in Vietnamese with Chinese beside it, the officer's reason as written, every opening recorded.
/// </summary>
public abstract class NoticeTests(DatabaseProviderChoice choice)
{
    private const string Reason = "Giấy chứng sinh bị mờ, cần bản rõ hơn.";
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    private sealed record Ward(HelpDeskApp App, Dossier Filed, TestAccount Officer, PageClient Staff, TestAccount Volunteer) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
        public string NoticePage(string kind) => $"/desk/dossiers/{Filed.Id}/notice/{kind}";
    }

    /// <summary>A birth registration filed at the desk for a resident who reads Traditional Chinese; a ward officer signed in.</summary>
    private async Task<Ward> FiledAsync()
    {
        var app = new HelpDeskApp(choice.Provider);
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var point = await app.CreatePointAsync("TN01", volunteer.UserId);
        var visitId = await app.OpenVisitAsync(volunteer.UserId, point.Id);
        await app.ServeResidentAsync(visitId, "Quách Thị Ngọc", "郭氏玉");
        await app.GiveConsentAsync(visitId, [ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], FilingFixture.BirthRegistration);
        var dossier = await app.SubmitDraftAsync(await app.ReadyDraftAsync(visitId));
        var officer = await app.CreateAsync(Roles.WardStaff);
        var staff = PageClient.For(app);
        await staff.SignInAsync(officer);
        return new Ward(app, dossier, officer, staff, volunteer);
    }

    private static string Text(IHtmlDocument page, string testId) => page.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    private static LocalizedText PaperName(Ward ward, string documentId) => ward.App.Services.GetRequiredService<ProcedureCatalog>()
        .FindByCode(FilingFixture.BirthRegistration)!.Documents.Single(d => d.Id == documentId).Name;

    private static int NoticeEvents(Ward ward, string kind)
    {
        using var scope = ward.App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().AuditEvents
            .Count(e => e.Action == AuditActions.DossierNoticeViewed && e.Detail == kind && e.Subject == $"dossier:{ward.Filed.Id}");
    }

    [Fact]
    public async Task The_supplement_request_names_the_papers_in_both_languages_and_gives_the_reason_as_written()
    {
        await using var ward = await FiledAsync();
        await ward.App.WardMovesAsync(ward.Filed.Id, ward.Officer.UserId, DossierIntent.Receive);
        await ward.App.WardMovesAsync(ward.Filed.Id, ward.Officer.UserId, DossierIntent.RequestSupplement, Reason, [FilingFixture.BirthCertificate]);

        var (_, dossierPage) = await ward.Staff.GetAsync($"/staff/dossiers/{ward.Filed.Id}");
        Assert.Equal(ward.NoticePage("supplement"), dossierPage.QuerySelector("[data-testid=print-notice-supplement]")!.GetAttribute("href"));
        Assert.Null(dossierPage.QuerySelector("[data-testid=print-notice-refusal]"));

        var (response, notice) = await ward.Staff.GetAsync(ward.NoticePage("supplement"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var title = notice.QuerySelector("h1")!;
        Assert.Equal(ResourceFiles.Value(Cultures.Vietnamese, "Notice_Supplement_Title"), title.QuerySelector("[lang=vi]")!.TextContent);
        Assert.Equal(ResourceFiles.Value(Cultures.TraditionalChinese, "Notice_Supplement_Title"), title.QuerySelector("[lang=zh-Hant]")!.TextContent);
        Assert.Equal(ward.Filed.Number, Text(notice, "slip-number"));
        var paper = notice.QuerySelector($"[data-testid=notice-paper-{FilingFixture.BirthCertificate}]")!;
        Assert.Equal(PaperName(ward, FilingFixture.BirthCertificate).Vietnamese, paper.QuerySelector("[lang=vi]")!.TextContent);
        Assert.Equal(PaperName(ward, FilingFixture.BirthCertificate).In(Cultures.TraditionalChinese), paper.QuerySelector("[lang=zh-Hant]")!.TextContent);
        Assert.Single(notice.QuerySelectorAll("[data-testid=notice-papers] li"));
        Assert.Equal(Reason, Text(notice, "notice-reason"));
        Assert.Equal("vi", notice.QuerySelector("[data-testid=notice-reason]")!.GetAttribute("lang"));
        Assert.Contains(DisplayNameOf(ward, ward.Officer), Text(notice, "notice-issued"));
        // The tracking QR and code are those of the receipt: the resident follows the same dossier.
        Assert.Equal(ward.Filed.TrackingCodeCompact, Text(notice, "slip-code").Replace("-", ""));
        Assert.Equal(1, NoticeEvents(ward, "supplement"));
    }

    [Fact]
    public async Task The_new_date_notice_apologises_with_the_date_first_given_and_the_new_one()
    {
        await using var ward = await FiledAsync();
        await ward.App.WardMovesAsync(ward.Filed.Id, ward.Officer.UserId, DossierIntent.Receive);
        await ward.App.WardMovesAsync(ward.Filed.Id, ward.Officer.UserId, DossierIntent.StartProcessing);
        var first = Stored(ward).DueDate!.Value;
        var calendar = ward.App.Services.GetRequiredService<HolidayCalendar>();
        var renewed = first.AddDays(7);
        while (!calendar.IsWorkingDay(renewed)) renewed = renewed.AddDays(1);
        await ward.App.WardMovesAsync(ward.Filed.Id, ward.Officer.UserId, DossierIntent.Extend, "Chờ xác minh của bệnh viện", newDueDate: renewed, role: Roles.Leader);

        var (response, notice) = await ward.Staff.GetAsync(ward.NoticePage("new-date"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(first.ToString("dd/MM/yyyy"), Text(notice, "notice-first-date"));
        Assert.Equal(renewed.ToString("dd/MM/yyyy"), Text(notice, "notice-new-date"));
        var intro = notice.QuerySelector("[data-testid=notice-intro]")!;
        Assert.Contains(renewed.ToString("dd/MM/yyyy"), intro.QuerySelector("[lang=vi]")!.TextContent);
        Assert.Contains(renewed.ToString("dd/MM/yyyy"), intro.QuerySelector("[lang=zh-Hant]")!.TextContent);
        Assert.Equal("Chờ xác minh của bệnh viện", Text(notice, "notice-reason"));
        // Read aloud: the new date as said in each language; the officer's Vietnamese words by the Vietnamese voice only.
        var vietnamese = notice.QuerySelector("[data-testid=read-aloud-vi]")!.GetAttribute("data-text")!;
        Assert.Contains($"ngày {renewed.Day} tháng {renewed.Month} năm {renewed.Year}", vietnamese);
        Assert.Contains("Chờ xác minh của bệnh viện", vietnamese);
        var chinese = notice.QuerySelector("[data-testid=read-aloud-resident]")!.GetAttribute("data-text")!;
        Assert.Contains($"{renewed.Year}年{renewed.Month}月{renewed.Day}日", chinese);
        Assert.DoesNotContain("Chờ xác minh", chinese);
        Assert.Equal(HttpStatusCode.NotFound, (await ward.Staff.GetAsync(ward.NoticePage("supplement"))).Response.StatusCode);
    }

    [Fact]
    public async Task The_refusal_notice_exists_once_the_ward_refused_the_papers()
    {
        await using var ward = await FiledAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await ward.Staff.GetAsync(ward.NoticePage("refusal"))).Response.StatusCode);

        await ward.App.WardMovesAsync(ward.Filed.Id, ward.Officer.UserId, DossierIntent.RefuseToAccept, "Không thuộc thẩm quyền của phường");

        var (response, notice) = await ward.Staff.GetAsync(ward.NoticePage("refusal"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Không thuộc thẩm quyền của phường", Text(notice, "notice-reason"));
        Assert.Equal(ResourceFiles.Value(Cultures.TraditionalChinese, "Notice_Refusal_Title"), notice.QuerySelector("h1 [lang=zh-Hant]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await ward.Staff.GetAsync(ward.NoticePage("apology"))).Response.StatusCode);
    }

    [Fact]
    public async Task The_volunteer_serving_the_resident_may_print_it_and_a_volunteer_elsewhere_is_told_not_found()
    {
        await using var ward = await FiledAsync();
        await ward.App.WardMovesAsync(ward.Filed.Id, ward.Officer.UserId, DossierIntent.RefuseToAccept, "Không thuộc thẩm quyền của phường");

        var desk = PageClient.For(ward.App);
        await desk.SignInAsync(ward.Volunteer); // still in the visit the dossier was filed in
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync(ward.NoticePage("refusal"))).Response.StatusCode);

        var stranger = await ward.App.CreateAsync(Roles.Volunteer);
        var elsewhere = PageClient.For(ward.App);
        await elsewhere.SignInAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(ward.NoticePage("refusal"))).Response.StatusCode);
        Assert.Equal(1, NoticeEvents(ward, "refusal"));
    }

    private static string DisplayNameOf(Ward ward, TestAccount account)
    {
        using var scope = ward.App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().Users.Single(u => u.Id == account.UserId).DisplayName;
    }

    private static Dossier Stored(Ward ward)
    {
        using var scope = ward.App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().Dossiers.AsNoTracking().Single(d => d.Id == ward.Filed.Id);
    }
}

public sealed class NoticeTestsOnSqlite() : NoticeTests(DatabaseProviderChoice.Sqlite);
public sealed class NoticeTestsOnPostgres() : NoticeTests(DatabaseProviderChoice.Postgres);
