using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HelpDesk.Browser.Tests.Infrastructure;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Documents;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Procedures;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Documents;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HelpDesk.Browser.Tests.Accessibility;

/// <summary>
/// axe-core on every page, in every language, signed out and signed in. Serious and critical
/// findings fail; moderate and minor ones are written to the test output.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly string[] FailingImpacts = ["serious", "critical"];

    /// <summary>Pages that answer only to POST with a redirect or an empty response: nothing to check.</summary>
    private static readonly string[] PostOnlyPages = ["/Preferences", "/Account/SignOut", "/Account/KeepAlive"];

    private const string BirthCertificate = "birthCertificate";

    /// <summary>A page of a paper as a flatbed scanner gives it: A4 at 150 dpi (before <see cref="Checks"/>, which uses it).</summary>
    private static readonly byte[] PaperScan = SampleScans.Png(1240, 1754);

    /// <summary>Every page state checked, by the Razor page that renders it.</summary>
    private static readonly PageCheck[] Checks =
    [
        new("/Index", "/ (signed out)", async s =>
        {
            await s.Anonymous.GotoAsync("/");
            await Expect(s.Anonymous.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
            return s.Anonymous;
        }),
        new("/Account/SignIn", "/account/signin", async s =>
        {
            await s.Anonymous.GotoAsync("/account/signin");
            await Expect(s.Anonymous.GetByTestId("sign-in-passkey")).ToBeVisibleAsync();
            return s.Anonymous;
        }),
        new("/Account/Denied", "/account/denied", async s =>
        {
            await s.Anonymous.GotoAsync("/account/denied");
            return s.Anonymous;
        }),
        new("/Error", "/error?status=404", async s =>
        {
            var response = await s.Anonymous.GotoAsync("/error?status=404");
            Assert.Equal(404, response!.Status);
            return s.Anonymous;
        }),
        new("/Join", "/join/{setup secret} (step 1, with the ward)", async s =>
        {
            await s.Anonymous.GotoAsync(s.SetupPath);
            await Expect(s.Anonymous.Locator("input[name='Input.WardName']")).ToBeVisibleAsync();
            return s.Anonymous;
        }),
        new("/Join", "/join/not-a-valid-secret", async s =>
        {
            await s.Anonymous.GotoAsync("/join/not-a-valid-secret");
            await Expect(s.Anonymous.GetByTestId("join-error")).ToBeVisibleAsync();
            return s.Anonymous;
        }),
        new("/Procedures/Index", "/procedures", async s =>
        {
            await s.Anonymous.GotoAsync("/procedures");
            await Expect(s.Anonymous.GetByTestId("procedures").Locator("a").First).ToBeVisibleAsync();
            return s.Anonymous;
        }),
        new("/Procedures/Details", "/procedures/{first procedure}", async s =>
        {
            await s.Anonymous.GotoAsync("/procedures");
            await s.Anonymous.GetByTestId("procedures").Locator("a").First.ClickAsync();
            await Expect(s.Anonymous.GetByTestId("documents")).ToBeVisibleAsync();
            return s.Anonymous;
        }),
        new("/Account/SignInCode", "/account/signin/code", async s =>
        {
            await s.Anonymous.SubmitPasswordAsync(s.Coordinator);
            await Expect(s.Anonymous.Locator("input[name='Code']")).ToBeVisibleAsync();
            return s.Anonymous;
        }),
        new("/Index", "/ (signed in)", async s =>
        {
            await s.SignedIn.GotoAsync("/");
            await Expect(s.SignedIn.GetByTestId("signed-in-as")).ToBeVisibleAsync();
            return s.SignedIn;
        }),
        new("/Account/Security", "/account/security", async s =>
        {
            await s.SignedIn.GotoAsync("/account/security");
            await Expect(s.SignedIn.GetByTestId("add-passkey")).ToBeVisibleAsync();
            return s.SignedIn;
        }),
        new("/Account/Authenticator", "/account/authenticator", async s =>
        {
            await s.SignedIn.GotoAsync("/account/authenticator");
            await Expect(s.SignedIn.GetByTestId("authenticator-key")).ToBeVisibleAsync();
            return s.SignedIn;
        }),
        new("/Staff/Invitations", "/staff/invitations", async s =>
        {
            await s.SignedIn.GotoAsync("/staff/invitations");
            await Expect(s.SignedIn.GetByTestId("create-invitation")).ToBeVisibleAsync();
            return s.SignedIn;
        }),
        new("/Staff/Invitations", "/staff/invitations (new invitation with QR code)", async s =>
        {
            await s.SignedIn.GotoAsync("/staff/invitations");
            await s.SignedIn.Locator("input[name='Input.DisplayName']").FillAsync("Nguyễn Văn Bảo");
            await s.SignedIn.GetByTestId("create-invitation").ClickAsync();
            await Expect(s.SignedIn.GetByTestId("new-invitation")).ToBeVisibleAsync();
            await Expect(s.SignedIn.GetByTestId("pending-invitations")).ToBeVisibleAsync();
            return s.SignedIn;
        }),
        new("/Points/Index", "/points (one point open now with a closure ahead, one suspended)", async s =>
        {
            await s.Anonymous.GotoAsync("/points");
            var open = s.Anonymous.Locator($"[data-testid=point][data-code={OpenPoint}]");
            await Expect(open.GetByTestId("point-status")).ToHaveAttributeAsync("data-status", "open");
            await Expect(open.GetByTestId("closure")).ToHaveCountAsync(1);
            await Expect(s.Anonymous.Locator($"[data-testid=point][data-code={SuspendedPoint}]").GetByTestId("point-status"))
                .ToHaveAttributeAsync("data-status", "suspended");
            return s.Anonymous;
        }),
        new("/Staff/Points/Index", "/staff/points", async s =>
        {
            await s.SignedIn.GotoAsync("/staff/points");
            await Expect(s.SignedIn.Locator("[data-testid=point-row]")).ToHaveCountAsync(2);
            await Expect(s.SignedIn.GetByTestId("new-point")).ToBeVisibleAsync();
            return s.SignedIn;
        }),
        new("/Staff/Points/New", "/staff/points/new", async s =>
        {
            await s.SignedIn.GotoAsync("/staff/points/new");
            await Expect(s.SignedIn.GetByTestId("point-form")).ToBeVisibleAsync();
            await Expect(s.SignedIn.Locator(".field-validation-error")).ToHaveCountAsync(0);
            return s.SignedIn;
        }),
        new("/Staff/Points/New", "/staff/points/new (sent empty: errors shown)", async s =>
        {
            await s.SignedIn.GotoAsync("/staff/points/new");
            await s.SignedIn.GetByTestId("save-point").ClickAsync();
            await Expect(s.SignedIn.Locator("[data-testid=point-form] .field-validation-error").First).ToBeVisibleAsync();
            return s.SignedIn;
        }),
        new("/Staff/Points/Edit", "/staff/points/{id} (with a closure ahead)", async s =>
        {
            await s.SignedIn.GotoAsync("/staff/points");
            await s.SignedIn.Locator($"[data-testid=point-row][data-code={OpenPoint}] a").ClickAsync();
            await Expect(s.SignedIn.GetByTestId("point-code")).ToHaveTextAsync(OpenPoint);
            await Expect(s.SignedIn.GetByTestId("closures")).ToBeVisibleAsync();
            await Expect(s.SignedIn.GetByTestId("suspend")).ToBeVisibleAsync();
            return s.SignedIn;
        }),
        new("/Staff/Points/Edit", "/staff/points/{id} (suspended)", async s =>
        {
            await s.SignedIn.GotoAsync("/staff/points");
            await s.SignedIn.Locator($"[data-testid=point-row][data-code={SuspendedPoint}] a").ClickAsync();
            await Expect(s.SignedIn.GetByTestId("point-code")).ToHaveTextAsync(SuspendedPoint);
            await Expect(s.SignedIn.GetByTestId("suspended-notice")).ToBeVisibleAsync();
            await Expect(s.SignedIn.GetByTestId("resume")).ToBeVisibleAsync();
            return s.SignedIn;
        }),
        new("/Staff/Volunteers/Index", "/staff/volunteers", async s =>
        {
            await s.SignedIn.GotoAsync("/staff/volunteers");
            var person = s.SignedIn.Locator($"[data-testid=person][data-user-name='{s.VolunteerAccount.UserName}']");
            await Expect(person.GetByTestId("assign")).ToBeVisibleAsync();
            await Expect(person.GetByTestId("deactivate")).ToBeVisibleAsync();
            return s.SignedIn;
        }),
        new("/Staff/Desks", "/staff/desks (Tuesday session, one number waiting)", async s =>
        {
            await s.SignedIn.GotoAsync("/staff/desks");
            var point = s.SignedIn.GetByTestId($"point-{OpenPoint}");
            await Expect(point.GetByTestId("waiting")).ToHaveTextAsync("1");
            await Expect(s.SignedIn.GetByTestId($"point-{SuspendedPoint}")).ToBeVisibleAsync();
            return s.SignedIn;
        }),
        new("/Desk/Index", "/desk (not checked in)", async s =>
        {
            await OffShiftAsync(s.Volunteer);
            await Expect(s.Volunteer.GetByTestId("check-in")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Index", "/desk (on shift, number 1 waiting, a visit open)", async s =>
        {
            await OnShiftAsync(s.Volunteer);
            if (await s.Volunteer.GetByTestId("open-visit").CountAsync() == 0)
            {
                await s.Volunteer.GetByTestId("visit-without-ticket").ClickAsync();
                await Expect(s.Volunteer.GetByTestId("close-visit")).ToBeVisibleAsync();
                await s.Volunteer.GotoAsync("/desk");
            }
            await Expect(s.Volunteer.GetByTestId("ticket-1")).ToBeVisibleAsync();
            await Expect(s.Volunteer.GetByTestId("open-visit")).ToHaveCountAsync(1);
            return s.Volunteer;
        }),
        new("/Desk/Ticket", "/desk/tickets/{number 1}", async s =>
        {
            await OnShiftAsync(s.Volunteer);
            await s.Volunteer.GetByTestId("ticket-1").Locator("a[href*='/desk/tickets/']").ClickAsync();
            await Expect(s.Volunteer.GetByTestId("ticket-number")).ToHaveTextAsync("1");
            return s.Volunteer;
        }),
        new("/Desk/Visit", "/desk/visits/{open visit}", async s =>
        {
            await OpenVisitAsync(s.Volunteer);
            await Expect(s.Volunteer.Locator(".field-validation-error")).ToHaveCountAsync(0);
            return s.Volunteer;
        }),
        new("/Desk/Visit", "/desk/visits/{open visit} (closed without answers: errors shown)", async s =>
        {
            await OpenVisitAsync(s.Volunteer);
            await s.Volunteer.GetByTestId("close-visit").ClickAsync();
            await Expect(s.Volunteer.Locator(".field-validation-error").First).ToBeVisibleAsync();
            await Expect(s.Volunteer.GetByTestId("close-visit")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Filing/Start", "/desk/visits/{open visit}/file", async s =>
        {
            await StartFilingAsync(s);
            return s.Volunteer;
        }),
        new("/Desk/Filing/Start", "/desk/visits/{open visit}/file (marriage refused: filed in person only)", async s =>
        {
            await StartFilingAsync(s);
            await s.Volunteer.GetByTestId("procedure-1.000894").CheckAsync();
            await s.Volunteer.GetByTestId("start-filing").ClickAsync();
            await Expect(s.Volunteer.GetByTestId("filing-error")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Filing/Step", "/desk/drafts/{birth registration}/steps/1 (sent empty: errors shown)", async s =>
        {
            await StartBirthRegistrationAsync(s);
            await s.Volunteer.GetByTestId("save-continue").ClickAsync();
            await Expect(s.Volunteer.GetByTestId("error-summary")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Filing/Review", "/desk/drafts/{birth registration}/review", async s =>
        {
            await StartBirthRegistrationAsync(s);
            await s.Volunteer.GotoAsync(s.Volunteer.Url.Replace("/steps/1", "/review"));
            await Expect(s.Volunteer.GetByTestId("review")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Filing/Documents", "/desk/drafts/{birth registration}/documents (a page of the birth certificate kept)", async s =>
        {
            var (draftId, _) = await DraftWithPagesAsync(s, 1);
            await s.Volunteer.GotoAsync($"/desk/drafts/{draftId}/documents");
            await Expect(s.Volunteer.GetByTestId($"page-{BirthCertificate}-1")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Filing/Documents", "/desk/drafts/{birth registration}/documents (preview of a new page open)", async s =>
        {
            var (draftId, _) = await DraftWithPagesAsync(s, 0);
            await s.Volunteer.GotoAsync($"/desk/drafts/{draftId}/documents");
            // capture.js hides the plain upload button when it takes over the form.
            await Expect(s.Volunteer.GetByTestId($"document-{BirthCertificate}").Locator("[data-capture-plain]")).ToBeHiddenAsync();
            await s.Volunteer.GetByTestId($"file-{BirthCertificate}").SetInputFilesAsync(
                new FilePayload { Name = "giay-khai-sinh.png", MimeType = FileContent.Png, Buffer = PaperScan });
            await Expect(s.Volunteer.GetByTestId($"preview-{BirthCertificate}")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Filing/Scan", "/desk/drafts/{birth registration}/scans/{page 1 of 2}", async s =>
        {
            var (draftId, pages) = await DraftWithPagesAsync(s, 2);
            await s.Volunteer.GotoAsync($"/desk/drafts/{draftId}/scans/{pages[0]}");
            await ExpectViewerReadyAsync(s.Volunteer);
            return s.Volunteer;
        }),
        new("/Desk/Filing/Scan", "/desk/drafts/{birth registration}/scans/{a PDF}", async s =>
        {
            var (draftId, pages) = await DraftWithPagesAsync(s, 1, pdf: true);
            await s.Volunteer.GotoAsync($"/desk/drafts/{draftId}/scans/{pages[0]}");
            await Expect(s.Volunteer.GetByTestId("scan-download")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Dossiers/Supplement", "/desk/visits/{open visit}/dossiers/{more papers asked}/supplement", async s =>
        {
            var visitId = await ConsentingResidentAsync(s);
            var (dossierId, _) = await s.Volunteer.SubmitDossierAsync(s.App, visitId);
            await WardAsksForPapersAsync(s.App, dossierId);
            await s.Volunteer.GotoAsync($"/desk/visits/{visitId}/dossiers/{dossierId}/supplement");
            await Expect(s.Volunteer.GetByTestId("request")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Staff/Dossiers/Index", "/staff/dossiers (a dossier waiting to be received)", async s =>
        {
            await SubmittedDossierAsync(s);
            await s.Staff.GotoAsync("/staff/dossiers");
            await Expect(s.Staff.GetByTestId("queue")).ToBeVisibleAsync();
            return s.Staff;
        }),
        new("/Staff/Dossiers/Dossier", "/staff/dossiers/{received}: moves with reasons, a new date, papers to ask for", async s =>
        {
            var (dossierId, _) = await SubmittedDossierAsync(s);
            await s.Staff.GotoAsync($"/staff/dossiers/{dossierId}");
            await s.Staff.GetByTestId("move-Receive").GetByRole(AriaRole.Button).ClickAsync();
            await Expect(s.Staff.GetByTestId("move-Extend")).ToBeVisibleAsync();
            await Expect(s.Staff.GetByTestId("history")).ToBeVisibleAsync();
            return s.Staff;
        }),
        new("/Staff/Scan", "/staff/scans/{page} (ward staff)", async s =>
        {
            var (_, pages) = await DraftWithPagesAsync(s, 1);
            await s.Staff.GotoAsync($"/staff/scans/{pages[0]}");
            await ExpectViewerReadyAsync(s.Staff);
            return s.Staff;
        }),
        new("/Staff/Audit", "/staff/audit (ward staff, chain checked)", async s =>
        {
            await s.Staff.GotoAsync("/staff/audit");
            await s.Staff.GetByTestId("verify").ClickAsync();
            await Expect(s.Staff.GetByTestId("chain-status")).ToBeVisibleAsync();
            await Expect(s.Staff.GetByTestId("audit-events")).ToBeVisibleAsync();
            return s.Staff;
        }),
        new("/Desk/Residents/Find", "/desk/visits/{open visit}/resident (searched: no result)", async s =>
        {
            await OpenVisitAsync(s.Volunteer);
            await s.Volunteer.GetByTestId("find-resident").ClickAsync();
            await s.Volunteer.Locator("#q").FillAsync("khong co ai");
            await s.Volunteer.GetByTestId("search").ClickAsync();
            await Expect(s.Volunteer.GetByTestId("no-results")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Residents/New", "/desk/visits/{open visit}/resident/new (sent empty: errors shown)", async s =>
        {
            await OpenVisitAsync(s.Volunteer);
            await s.Volunteer.GetByTestId("find-resident").ClickAsync();
            await s.Volunteer.GetByTestId("register-new").ClickAsync();
            await s.Volunteer.GetByTestId("register").ClickAsync();
            await Expect(s.Volunteer.GetByTestId("error-summary")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Residents/Details", "/desk/visits/{open visit}/resident/details (consent given)", async s =>
        {
            await ResidentDetailsAsync(s);
            await Expect(s.Volunteer.GetByTestId("reveal")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Residents/Details", "/desk/visits/{open visit}/resident/details (bad e-mail: errors shown)", async s =>
        {
            await ResidentDetailsAsync(s);
            await s.Volunteer.Locator("#r-Email").FillAsync("not-an-address");
            await s.Volunteer.GetByTestId("save-details").ClickAsync();
            await Expect(s.Volunteer.GetByTestId("error-summary")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Residents/Details", "/desk/visits/{open visit}/resident/details (full ID number shown)", async s =>
        {
            await ResidentDetailsAsync(s);
            await s.Volunteer.GetByTestId("reveal").ClickAsync();
            await Expect(s.Volunteer.GetByTestId("resident-id-full")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Residents/GiveConsent", "/desk/visits/{open visit}/consent (sent empty: errors shown)", async s =>
        {
            await ConsentingResidentAsync(s);
            await s.Volunteer.GetByTestId("record-consent").ClickAsync();
            await Expect(s.Volunteer.GetByTestId("signature-pad")).ToBeVisibleAsync();
            await s.Volunteer.GetByTestId("give-consent").ClickAsync();
            await Expect(s.Volunteer.GetByTestId("error-summary")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Residents/ConsentReceipt", "/desk/visits/{open visit}/consents/{id}", async s =>
        {
            await ConsentReceiptAsync(s);
            return s.Volunteer;
        }),
        new("/Consents/Check", "/c/{code} (valid consent)", async s =>
        {
            await ConsentReceiptAsync(s);
            await s.Anonymous.GotoAsync((await s.Volunteer.GetByTestId("verify-url").TextContentAsync())!.Trim());
            await Expect(s.Anonymous.GetByTestId("consent-status")).ToBeVisibleAsync();
            return s.Anonymous;
        }),
        new("/Desk/Residents/Account", "/desk/visits/{open visit}/resident/account (activation issued: QR, code, slip)", async s =>
        {
            var visitId = await ConsentingResidentAsync(s);
            await s.Volunteer.GotoAsync($"/desk/visits/{visitId}/resident/account");
            await s.Volunteer.GetByTestId("issue-activation").ClickAsync();
            await Expect(s.Volunteer.GetByTestId("activation-slip")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Activate", "/activate (code typed wrong: error shown)", async s =>
        {
            await s.Anonymous.GotoAsync("/activate");
            await s.Anonymous.Locator("#code").FillAsync("AAAA-AAAA");
            await s.Anonymous.GetByTestId("submit-code").ClickAsync();
            await Expect(s.Anonymous.GetByTestId("activate-error")).ToBeVisibleAsync();
            return s.Anonymous;
        }),
        new("/Activate", "/activate/{secret} (passkey step)", async s =>
        {
            var (_, secret, _) = await s.App.ResidentWithActivationAsync(s.VolunteerAccount.UserId, "Quách Văn Minh");
            await s.Anonymous.GotoAsync($"/activate/{secret}");
            await Expect(s.Anonymous.GetByTestId("create-passkey")).ToBeVisibleAsync();
            return s.Anonymous;
        }),
        new("/Desk/Dossiers/Slip", "/desk/dossiers/{submitted}/slip (A5)", async s =>
        {
            var (dossierId, _) = await SubmittedDossierAsync(s);
            await s.Volunteer.GotoAsync($"/desk/dossiers/{dossierId}/slip");
            await Expect(s.Volunteer.GetByTestId("print")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Desk/Dossiers/Notice", "/desk/dossiers/{supplement asked}/notice/supplement (A5)", async s =>
        {
            var (dossierId, _) = await SubmittedDossierAsync(s);
            await WardAsksForPapersAsync(s.App, dossierId);
            await s.Volunteer.GotoAsync($"/desk/dossiers/{dossierId}/notice/supplement");
            await Expect(s.Volunteer.GetByTestId("notice-papers")).ToBeVisibleAsync();
            return s.Volunteer;
        }),
        new("/Track/Index", "/t", async s =>
        {
            await s.Anonymous.GotoAsync("/t");
            await Expect(s.Anonymous.GetByTestId("track-form")).ToBeVisibleAsync();
            return s.Anonymous;
        }),
        new("/Track/Status", "/t/{code of a submitted dossier}", async s =>
        {
            var (_, code) = await SubmittedDossierAsync(s);
            await s.Anonymous.GotoAsync($"/t/{code}");
            await Expect(s.Anonymous.GetByTestId("track-result")).ToBeVisibleAsync();
            return s.Anonymous;
        }),
        new("/Track/Status", "/t/{unknown code}", async s =>
        {
            await s.Anonymous.GotoAsync($"/t/{TrackingCode.New().Compact}");
            await Expect(s.Anonymous.GetByTestId("track-unknown")).ToBeVisibleAsync();
            return s.Anonymous;
        }),
        new("/Me/Index", "/me (signed-in resident)", async s =>
        {
            await s.Resident.GotoAsync("/me");
            await Expect(s.Resident.GetByTestId("me-details")).ToBeVisibleAsync();
            return s.Resident;
        }),
        new("/Consents/Check", "/c/{unknown code}", async s =>
        {
            await s.Anonymous.GotoAsync("/c/0000000000000000");
            await Expect(s.Anonymous.GetByTestId("consent-unknown")).ToBeVisibleAsync();
            return s.Anonymous;
        }),
    ];

    /// <summary>The filing start page of the volunteer's open visit.</summary>
    private static async Task StartFilingAsync(Sessions s)
    {
        var page = s.Volunteer;
        await ConsentingResidentAsync(s);
        await page.GetByTestId("file-procedure").ClickAsync();
        await Expect(page.GetByTestId("start-form")).ToBeVisibleAsync();
    }

    /// <summary>The first step of a new birth-registration draft.</summary>
    private static async Task StartBirthRegistrationAsync(Sessions s)
    {
        var page = s.Volunteer;
        await StartFilingAsync(s);
        await page.GetByTestId("procedure-1.001193").CheckAsync();
        await page.GetByTestId("start-filing").ClickAsync();
        await Expect(page.GetByTestId("step-form")).ToBeVisibleAsync();
    }

    /// <summary>
    /// A new birth-registration draft of the volunteer's open visit with <paramref name="pages"/> scans of the birth
    /// certificate (PDFs when <paramref name="pdf"/>), added by the test shortcut (ScanJourneyTests uploads for real).
    /// Returns the draft's id and the scans' ids.
    /// </summary>
    private static async Task<(Guid DraftId, IReadOnlyList<Guid> Pages)> DraftWithPagesAsync(Sessions s, int pages, bool pdf = false)
    {
        await StartBirthRegistrationAsync(s);
        var draftId = Guid.Parse(new Uri(s.Volunteer.Url).Segments[3].TrimEnd('/'));
        using var scope = s.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<HelpDeskDbContext>();
        var draft = await db.DossierDrafts.SingleAsync(d => d.Id == draftId);
        var residentId = await db.Visits.Where(v => v.Id == draft.VisitId).Select(v => v.ResidentId).SingleAsync();
        var document = services.GetRequiredService<ProcedureCatalog>().FindByCode(draft.ProcedureCode)!.Documents.Single(d => d.Id == BirthCertificate);
        var scans = services.GetRequiredService<Scans>();
        var added = new List<Guid>();
        for (var i = 0; i < pages; i++)
            added.Add((await scans.AddAsync(draft, document, pdf ? SampleScans.Pdf(2) : PaperScan, s.VolunteerAccount.UserId, residentId)).Id);
        return (draftId, added);
    }

    /// <summary>
    /// A birth registration submitted from the volunteer's open visit with the review sheet's Submit button (the
    /// draft filled by the test shortcut); the volunteer's tab is left on its slip. Returns the dossier's id and its tracking code.
    /// </summary>
    private static async Task<(Guid DossierId, string Code)> SubmittedDossierAsync(Sessions s) =>
        await s.Volunteer.SubmitDossierAsync(s.App, await ConsentingResidentAsync(s));

    /// <summary>A ward officer receives the dossier and asks for a clearer birth certificate (through the app's own service).</summary>
    private static async Task WardAsksForPapersAsync(HelpDeskApp app, Guid dossierId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var officer = await (from user in db.Users
                             join userRole in db.UserRoles on user.Id equals userRole.UserId
                             join role in db.Roles on userRole.RoleId equals role.Id
                             where role.Name == Roles.WardStaff
                             select user.Id).FirstAsync();
        await app.WardMovesAsync(dossierId, officer, DossierIntent.Receive);
        await app.WardMovesAsync(dossierId, officer, DossierIntent.RequestSupplement, "Giấy chứng sinh bị mờ.", [BirthCertificate]);
    }

    /// <summary>viewer.js has fitted the loaded scan to the frame and shown its toolbar.</summary>
    private static async Task ExpectViewerReadyAsync(IPage page)
    {
        await Expect(page.GetByTestId("scan-viewer")).ToHaveAttributeAsync("data-zoom", new Regex("^[0-9]+$"));
        await Expect(page.Locator("[data-viewer-tools]")).ToBeVisibleAsync();
    }

    /// <summary>
    /// The volunteer's open visit, serving a resident (with an ID number) who consented to an account,
    /// to scans and to a birth registration being filed; attached the first time by the test shortcut
    /// (the consent pages have their own checks). Returns the visit's id.
    /// </summary>
    private static async Task<Guid> ConsentingResidentAsync(Sessions s)
    {
        await OpenVisitAsync(s.Volunteer);
        var visitId = Guid.Parse(new Uri(s.Volunteer.Url).Segments.Last());
        if (await s.Volunteer.GetByTestId("resident-name").CountAsync() == 0)
        {
            // The same resident comes back in each language's new visit: an ID number is registered once.
            using var scope = s.App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
            var known = db.Residents.FirstOrDefault(r => r.FullName == "Lâm Văn Phúc");
            if (known is null) await s.App.ServeResidentAsync(visitId, "Lâm Văn Phúc", "林文福", personalId: "079060001234");
            else
            {
                db.Visits.Single(v => v.Id == visitId).ServeResident(known.Id);
                await db.SaveChangesAsync();
            }
        }
        if (await s.Volunteer.GetByTestId("consent-valid").CountAsync() == 0)
            await s.App.GiveConsentAsync(visitId, [ConsentPurpose.CreateAccount, ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], "1.001193");
        await s.Volunteer.ReloadAsync();
        await Expect(s.Volunteer.GetByTestId("consent-valid").First).ToBeVisibleAsync();
        return visitId;
    }

    /// <summary>The details page of the resident served by the volunteer's open visit.</summary>
    private static async Task ResidentDetailsAsync(Sessions s)
    {
        var visitId = await ConsentingResidentAsync(s);
        await s.Volunteer.GotoAsync($"/desk/visits/{visitId}/resident/details");
        await Expect(s.Volunteer.GetByTestId("details-form")).ToBeVisibleAsync();
    }

    /// <summary>The receipt of the open visit's resident's valid consent.</summary>
    private static async Task ConsentReceiptAsync(Sessions s)
    {
        await ConsentingResidentAsync(s);
        await s.Volunteer.GetByTestId("consent-valid").First.Locator("a").ClickAsync();
        await Expect(s.Volunteer.GetByTestId("consent-receipt")).ToBeVisibleAsync();
    }

    private const string OpenPoint = "TN01";
    private const string SuspendedPoint = "TN02";

    /// <summary>The volunteer's desk after checking out, if they were on shift.</summary>
    private static async Task OffShiftAsync(IPage page)
    {
        await page.GotoAsync("/desk");
        if (await page.GetByTestId("check-out").CountAsync() > 0) await page.GetByTestId("check-out").ClickAsync();
        await Expect(page.GetByTestId("check-out")).ToHaveCountAsync(0);
    }

    /// <summary>The volunteer's desk after checking in, if they were not on shift.</summary>
    private static async Task OnShiftAsync(IPage page)
    {
        await page.GotoAsync("/desk");
        if (await page.GetByTestId("check-in").CountAsync() > 0) await page.GetByTestId("check-in").ClickAsync();
        await Expect(page.GetByTestId("check-out")).ToBeVisibleAsync();
    }

    /// <summary>The page of the volunteer's open visit, opened (without a ticket) if there is none.</summary>
    private static async Task OpenVisitAsync(IPage page)
    {
        await OnShiftAsync(page);
        if (await page.GetByTestId("open-visit").CountAsync() > 0) await page.GetByTestId("open-visit").First.ClickAsync();
        else await page.GetByTestId("visit-without-ticket").ClickAsync();
        await Expect(page.GetByTestId("close-visit")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Every_page_in_every_language_has_no_serious_or_critical_accessibility_violations()
    {
        await using var app = new HelpDeskApp(kestrel: true);
        // Inside a Tuesday session (17:30–20:30) before the app starts and anyone signs in: the setup
        // link is valid for 24 hours of the app's clock, and sign-in cookies expire by that clock too.
        var tuesday = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));
        app.SetClock(tuesday);
        var setupPath = new Uri(await app.SetupLinkAsync()).PathAndQuery;
        var coordinator = await app.CreateAsync(Roles.Coordinator);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var staff = await app.CreateAsync(Roles.WardStaff);
        var open = await app.CreatePointAsync(OpenPoint, volunteer.UserId);
        await app.ChangePointAsync(open.Id, point =>
        {
            point.Update(point.Name, point.Address, "028 3855 0101", desks: 3);
            point.CloseOn(VietnamTime.Today(tuesday).AddDays(7), "Họp tổ dân phố");
        });
        var suspended = await app.CreatePointAsync(SuspendedPoint);
        await app.ChangePointAsync(suspended.Id, point => point.Suspend());
        var failures = new List<string>();

        await browser.RunAsync(app, label: "signed-out", test: async anonymous =>
            await browser.RunAsync(app, label: "signed-in", test: async signedIn =>
            await browser.RunAsync(app, label: "volunteer", test: async onDesk =>
            await browser.RunAsync(app, label: "resident", test: async resident =>
            await browser.RunAsync(app, label: "staff", test: async wardStaff =>
            {
                // A resident who activated their account with a passkey on "their phone".
                var (_, secret, _) = await app.ResidentWithActivationAsync(volunteer.UserId);
                await resident.AddVirtualAuthenticatorAsync();
                await resident.Page.GotoAsync($"/activate/{secret}");
                await resident.Page.GetByTestId("create-passkey").ClickAsync();
                await resident.Page.WaitForPathAsync("/me");
                await signedIn.Page.SignInWithPasswordAndCodeAsync(coordinator);
                await onDesk.Page.SignInWithPasswordAndCodeAsync(volunteer);
                await wardStaff.Page.SignInWithPasswordAndCodeAsync(staff);
                // Checked in once, with number 1 issued; nobody calls it, so it waits all through the run.
                await OnShiftAsync(onDesk.Page);
                await onDesk.Page.GetByTestId("issue-ticket").ClickAsync();
                await Expect(onDesk.Page.GetByTestId("ticket-number")).ToHaveTextAsync("1");

                var sessions = new Sessions(anonymous.Page, signedIn.Page, onDesk.Page, resident.Page, wardStaff.Page, setupPath, coordinator, volunteer, app);
                foreach (var culture in Cultures.All)
                {
                    await UseCultureAsync(anonymous, culture);
                    await UseCultureAsync(signedIn, culture);
                    await UseCultureAsync(onDesk, culture);
                    await UseCultureAsync(resident, culture);
                    await UseCultureAsync(wardStaff, culture);
                    foreach (var check in Checks)
                    {
                        var page = await check.OpenAsync(sessions);
                        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
                        failures.AddRange(Report(culture, check.Name, await page.RunAxe()));
                    }
                }
                Assert.True(failures.Count == 0,
                    $"{failures.Count} serious or critical accessibility violation(s):\n" + string.Join("\n", failures));
            })))));
    }

    [Fact]
    public async Task Every_page_of_the_app_is_checked_for_accessibility_unless_it_answers_only_to_post()
    {
        await using var app = new HelpDeskApp();
        var pages = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .GroupBy(p => p.ViewEnginePath)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(p => "/" + p.AttributeRouteInfo?.Template)));
        var known = Checks.Select(c => c.RazorPage).Concat(PostOnlyPages).ToHashSet();

        var withoutCheck = pages.Keys.Where(p => !known.Contains(p)).Select(p => $"{p} ({pages[p]})").ToList();
        Assert.True(withoutCheck.Count == 0,
            "Pages without an axe check (add them to AxeTests.Checks, or to PostOnlyPages if they render nothing): "
            + string.Join("; ", withoutCheck));
        var gone = known.Where(p => !pages.ContainsKey(p)).ToList();
        Assert.True(gone.Count == 0, "AxeTests lists pages the app no longer has: " + string.Join("; ", gone));
    }

    private static Task UseCultureAsync(BrowserSession session, string culture) =>
        session.Context.AddCookiesAsync(
        [
            new Cookie
            {
                Name = ".AspNetCore.Culture",
                Value = Uri.EscapeDataString($"c={culture}|uic={culture}"),
                Url = session.BaseAddress.ToString(),
            },
        ]);

    private IEnumerable<string> Report(string culture, string pageName, AxeResult result)
    {
        foreach (var violation in result.Violations)
        {
            var line = $"[{culture}] {pageName}: {violation.Id} ({violation.Impact}) {violation.Help} — "
                + string.Join(" | ", violation.Nodes.Select(n => $"{n.Target} {n.Html}"));
            if (FailingImpacts.Contains(violation.Impact)) yield return line;
            else output.WriteLine(line);
        }
    }

    /// <summary>
    /// The browser tabs the checks use: nobody signed in, a coordinator (<see cref="SignedIn"/>), a
    /// volunteer assigned to point TN01 (<see cref="Volunteer"/>), a resident, and a ward officer of the
    /// same ward (<see cref="Staff"/>), all inside the same Tuesday session.
    /// </summary>
    private sealed record Sessions(IPage Anonymous, IPage SignedIn, IPage Volunteer, IPage Resident, IPage Staff, string SetupPath,
        TestAccount Coordinator, TestAccount VolunteerAccount, HelpDeskApp App);

    /// <summary>Brings a page into the state to check, asserts it got there, and returns the browser tab it used.</summary>
    private sealed record PageCheck(string RazorPage, string Name, Func<Sessions, Task<IPage>> OpenAsync);
}
