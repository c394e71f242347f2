using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Procedures;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Dossiers;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Dossiers;

/// <summary>
/// The return visit: the ward asked for more papers; a week later the resident comes back to the desk,
/// the volunteer finds the dossier on the visit, sees what was asked in Vietnamese and Chinese, scans
/// the paper into the dossier and hands it back to the ward — only under a consent given again.
/// </summary>
public abstract class SupplementTests(DatabaseProviderChoice choice)
{
    private const string Reason = "Giấy chứng sinh bị mờ, cần bản rõ hơn.";
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    private sealed record Return(HelpDeskApp App, Dossier Filed, TestAccount Volunteer, PageClient Desk, Guid VisitId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
        public string SupplementPage => $"/desk/visits/{VisitId}/dossiers/{Filed.Id}/supplement";
    }

    /// <summary>
    /// A birth registration filed on a Tuesday, received by the ward and sent back for a clearer birth
    /// certificate; the next Tuesday the same volunteer serves the resident again, with a new consent
    /// when <paramref name="consentAgain"/>.
    /// </summary>
    private async Task<Return> ComesBackAsync(bool consentAgain = true)
    {
        var app = new HelpDeskApp(choice.Provider);
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var officer = await app.CreateAsync(Roles.WardStaff);
        var point = await app.CreatePointAsync("TN01", volunteer.UserId);
        var firstVisit = await app.OpenVisitAsync(volunteer.UserId, point.Id);
        var residentId = await app.ServeResidentAsync(firstVisit, "Quách Thị Ngọc", "郭氏玉");
        await app.GiveConsentAsync(firstVisit, [ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], FilingFixture.BirthRegistration);
        var dossier = await app.SubmitDraftAsync(await app.ReadyDraftAsync(firstVisit));
        await app.WardMovesAsync(dossier.Id, officer.UserId, DossierIntent.Receive);
        await app.WardMovesAsync(dossier.Id, officer.UserId, DossierIntent.RequestSupplement, Reason, [FilingFixture.BirthCertificate]);

        app.SetClock(During.AddDays(7));
        using (var scope = app.Services.CreateScope())
        {
            // Last week's shift ended with its session; the housekeeping would close it.
            await scope.ServiceProvider.GetRequiredService<DeskService>().CloseFinishedShiftsAsync();
            await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().SaveChangesAsync();
        }
        var visitId = await app.OpenVisitAsync(volunteer.UserId, point.Id);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
            db.Visits.Single(v => v.Id == visitId).ServeResident(residentId);
            await db.SaveChangesAsync();
        }
        if (consentAgain)
            await app.GiveConsentAsync(visitId, [ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], FilingFixture.BirthRegistration);
        var desk = PageClient.For(app);
        await desk.SignInAsync(volunteer);
        return new Return(app, dossier, volunteer, desk, visitId);
    }

    private static Dossier Stored(Return back) => InScope(back.App, db => db.Dossiers.AsNoTracking().Include(d => d.Transitions).Single(d => d.Id == back.Filed.Id));

    private static int Pages(Return back) => InScope(back.App, db => db.ScannedPages.Count(p => p.DraftId == back.Filed.DraftId));

    private static T InScope<T>(HelpDeskApp app, Func<HelpDeskDbContext, T> read)
    {
        using var scope = app.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>());
    }

    private static string Text(IHtmlDocument page, string testId) => page.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    private static Task<(HttpResponseMessage Response, IHtmlDocument Document)> UploadAsync(Return back, IHtmlDocument page, byte[] content, string fileName, string type) =>
        back.Desk.SubmitWithFilesAsync(page, $"[data-testid=upload-{FilingFixture.BirthCertificate}]", null, ("file", fileName, content, type));

    [Fact]
    public async Task The_resident_brings_the_paper_back_and_the_volunteer_scans_it_and_hands_the_dossier_back()
    {
        await using var back = await ComesBackAsync();
        var pagesBefore = Pages(back);

        var (_, visit) = await back.Desk.GetAsync($"/desk/visits/{back.VisitId}");
        var link = visit.QuerySelector("[data-testid=supplement-link]")!.GetAttribute("href");
        Assert.Equal(back.SupplementPage, link);
        var (response, page) = await back.Desk.GetAsync(link!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var catalog = back.App.Services.GetRequiredService<ProcedureCatalog>();
        var certificate = catalog.FindByCode(FilingFixture.BirthRegistration)!.Documents.Single(d => d.Id == FilingFixture.BirthCertificate).Name;
        var requested = Text(page, $"requested-{FilingFixture.BirthCertificate}");
        Assert.Contains(certificate.Vietnamese, requested);
        Assert.Contains(certificate.In("zh-Hant"), requested);
        Assert.Equal(Reason, Text(page, "reason"));

        var (_, added) = await UploadAsync(back, page, SampleScans.Jpeg(), "giay-chung-sinh.jpg", "image/jpeg");
        Assert.NotNull(added.QuerySelector("[data-testid=added]"));
        Assert.Equal(pagesBefore + 1, Pages(back));
        var (handedBack, visitAgain) = await back.Desk.SubmitAsync(added, "[data-testid=resubmit]");

        Assert.Equal($"/desk/visits/{back.VisitId}", new Uri(visitAgain.Url).AbsolutePath);
        Assert.Equal(ResourceFiles.Value("vi", "Supplement_HandedBack"), Text(visitAgain, "visit-done"));
        Assert.Null(visitAgain.QuerySelector("[data-testid=visit-message]")); // good news is not an alert
        var stored = Stored(back);
        Assert.Equal(DossierStatus.Resubmitted, stored.Status);
        var move = stored.Transitions.Last();
        Assert.Equal((back.Volunteer.UserId, Roles.Volunteer), (move.By, move.Role));
        Assert.Contains(InScope(back.App, db => db.AuditEvents.Where(e => e.Action == AuditActions.DossierMoved).Select(e => e.Detail).ToList()),
            detail => detail == nameof(DossierIntent.Resubmit));
    }

    [Fact]
    public async Task The_public_page_names_the_papers_asked_for_in_the_visitors_language_but_not_the_officers_words()
    {
        await using var back = await ComesBackAsync();
        var anonymous = PageClient.For(back.App);

        var (response, page) = await anonymous.GetAsync($"/t/{back.Filed.TrackingCodeCompact}?culture=zh-Hant");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var certificate = back.App.Services.GetRequiredService<ProcedureCatalog>().FindByCode(FilingFixture.BirthRegistration)!
            .Documents.Single(d => d.Id == FilingFixture.BirthCertificate).Name;
        Assert.Contains(certificate.In("zh-Hant"), Text(page, "track-papers-asked"));
        Assert.DoesNotContain(Reason, page.DocumentElement.OuterHtml);
        Assert.DoesNotContain("Quách Thị Ngọc", page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Without_a_new_consent_the_earlier_dossier_is_neither_listed_nor_opened()
    {
        await using var back = await ComesBackAsync(consentAgain: false);

        var (_, visit) = await back.Desk.GetAsync($"/desk/visits/{back.VisitId}");
        var (_, sentBack) = await back.Desk.GetAsync(back.SupplementPage);

        Assert.Null(visit.QuerySelector("[data-testid=supplement-link]"));
        Assert.Equal($"/desk/visits/{back.VisitId}", new Uri(sentBack.Url).AbsolutePath);
        Assert.Equal(ResourceFiles.Value("vi", "Consent_NeededToFile"), Text(sentBack, "visit-message"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_scan_is_refused_by_its_content_and_nothing_is_kept()
    {
        await using var back = await ComesBackAsync();
        var pagesBefore = Pages(back);
        var (_, page) = await back.Desk.GetAsync(back.SupplementPage);

        var (response, refused) = await UploadAsync(back, page, Encoding.UTF8.GetBytes("not a photo at all"), "photo.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(ResourceFiles.Value("vi", "Error_UploadNotAccepted"), Text(refused, "refusal"));
        Assert.Equal(pagesBefore, Pages(back));
    }

    [Fact]
    public async Task Once_handed_back_the_dossier_takes_no_more_pages_and_the_ward_restarts_the_clock_on_receipt()
    {
        await using var back = await ComesBackAsync();
        var (_, page) = await back.Desk.GetAsync(back.SupplementPage);
        await back.Desk.SubmitAsync(page, "[data-testid=resubmit]");
        var pagesBefore = Pages(back);

        var (response, stale) = await UploadAsync(back, page, SampleScans.Jpeg(), "late.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(stale.QuerySelector("[data-testid=not-waiting]"));
        Assert.Equal(pagesBefore, Pages(back));

        var officer = InScope(back.App, db => db.Dossiers.Single(d => d.Id == back.Filed.Id).AssignedTo!);
        await back.App.WardMovesAsync(back.Filed.Id, officer, DossierIntent.Receive);
        var received = Stored(back);
        // Counted from this receipt, a week after the first one: the clock restarted from zero.
        Assert.True(received.ClockStartedAt > received.ReceivedAt!.Value.AddDays(6));
        Assert.NotNull(received.DueDate);
        Assert.Empty(received.RequestedDocuments);
    }

    [Fact]
    public async Task Another_residents_visit_does_not_find_the_dossier()
    {
        await using var back = await ComesBackAsync();
        // The next person in the queue, served by the same volunteer in the same shift.
        var otherVisit = InScope(back.App, db =>
        {
            var shift = db.Shifts.Single(s => s.CheckedOutAt == null);
            var visit = Visit.Open(shift, ticket: null, back.App.Clock.GetUtcNow());
            db.Visits.Add(visit);
            db.SaveChanges();
            return visit.Id;
        });
        await back.App.ServeResidentAsync(otherVisit, "Trần Văn Bảy");
        await back.App.GiveConsentAsync(otherVisit, [ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], FilingFixture.BirthRegistration);

        var (response, _) = await back.Desk.GetAsync($"/desk/visits/{otherVisit}/dossiers/{back.Filed.Id}/supplement");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class SupplementTestsOnSqlite() : SupplementTests(DatabaseProviderChoice.Sqlite);
public sealed class SupplementTestsOnPostgres() : SupplementTests(DatabaseProviderChoice.Postgres);
