using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Security;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Residents;

/// <summary>
/// The resident's own account: made at the desk under consent, activated from a phone with the QR
/// link or the slip's short code and a passkey, then the resident's page — consents withdrawn at
/// once, and all their data as a download.
/// </summary>
public abstract class ResidentAccountTests(DatabaseProviderChoice choice)
{
    private const string BirthRegistration = "1.001193";
    private const string IdNumber = "079060001234";
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    private sealed record Desk(HelpDeskApp App, PageClient Client, TestAccount Volunteer, Guid VisitId, Guid ResidentId)
    {
        public string AccountPath => $"/desk/visits/{VisitId}/resident/account";

        public T InScope<T>(Func<HelpDeskDbContext, T> read)
        {
            using var scope = App.Services.CreateScope();
            return read(scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>());
        }
    }

    /// <summary>A volunteer on shift serving Lâm Văn Phúc (reads Traditional Chinese), who consented to <paramref name="purposes"/>.</summary>
    private async Task<Desk> OnShiftAsync(params string[] purposes)
    {
        var app = new HelpDeskApp(choice.Provider);
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        await app.CreatePointAsync("TN01", volunteer.UserId);
        var client = PageClient.For(app);
        await client.SignInAsync(volunteer);
        var (_, desk) = await client.GetAsync("/desk");
        (_, desk) = await client.SubmitAsync(desk, "form[action*='handler=CheckIn']");
        var (_, visit) = await client.SubmitAsync(desk, "form[action*='handler=StartVisit']");
        var visitId = Guid.Parse(new Uri(visit.Url).Segments.Last());
        var resident = await app.ServeResidentAsync(visitId, "Lâm Văn Phúc", "林文福", personalId: IdNumber);
        await app.GiveConsentAsync(visitId, purposes, purposes.Contains(ConsentPurpose.FileProcedure) ? [BirthRegistration] : []);
        return new Desk(app, client, volunteer, visitId, resident);
    }

    private static async Task<IHtmlDocument> IssueAsync(Desk desk)
    {
        var (_, page) = await desk.Client.GetAsync(desk.AccountPath);
        var (_, issued) = await desk.Client.SubmitAsync(page, "form[action*='handler=Issue']");
        return issued;
    }

    /// <summary>On "a phone": types the code, creates a passkey, and lands on the resident's page.</summary>
    private static async Task<(PageClient Phone, IHtmlDocument Landing)> ActivateWithCodeAsync(Desk desk, string typed, SoftwareAuthenticator? phoneKeys = null)
    {
        var phone = PageClient.For(desk.App);
        var (_, form) = await phone.GetAsync("/activate");
        var (_, passkeyStep) = await phone.SubmitAsync(form, "[data-testid=code-form]", new Dictionary<string, string> { ["Code"] = typed });
        Assert.Contains("Lâm Văn Phúc", passkeyStep.QuerySelector("[data-testid=activate-greeting]")!.TextContent);
        var (_, landing) = await phone.UsePasskeyAsync(passkeyStep, "form[data-passkey=create]", phoneKeys ?? new SoftwareAuthenticator());
        return (phone, landing);
    }

    [Fact]
    public async Task Without_a_consent_covering_an_account_none_is_made()
    {
        var desk = await OnShiftAsync(ConsentPurpose.FileProcedure);
        await using var _app = desk.App;

        var (_, page) = await desk.Client.GetAsync(desk.AccountPath);

        Assert.EndsWith($"/desk/visits/{desk.VisitId}", new Uri(page.Url).AbsolutePath);
        Assert.Equal(ResourceFiles.Value("vi", "Consent_NeededForAccount"), page.QuerySelector("[data-testid=visit-message]")!.TextContent.Trim());
        Assert.Null(desk.InScope(db => db.Residents.Single()).AccountUserId);
    }

    [Fact]
    public async Task Issuing_makes_a_passwordless_resident_account_and_shows_its_code_only_once()
    {
        var desk = await OnShiftAsync(ConsentPurpose.CreateAccount);
        await using var _app = desk.App;

        var issued = await IssueAsync(desk);

        var code = issued.QuerySelector("[data-testid=activation-code]")!.TextContent.Trim();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
        Assert.StartsWith("data:image/svg+xml;base64,", issued.QuerySelector("[data-testid=activation-qr]")!.GetAttribute("src"));
        var userId = desk.InScope(db => db.Residents.Single()).AccountUserId!;
        using (var scope = desk.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            Assert.True(await users.IsInRoleAsync(user, Roles.Resident));
            Assert.False(await users.HasPasswordAsync(user));
            Assert.Equal("Lâm Văn Phúc", user.DisplayName);
            Assert.Equal("zh-Hant", user.PreferredCulture);
        }
        var activation = desk.InScope(db => db.ResidentActivations.Single());
        Assert.Equal(OneTimeSecret.Hash(code.Replace("-", "")), activation.CodeHash);
        Assert.Equal(activation.IssuedAt + TimeSpan.FromDays(7), activation.ExpiresAt);
        var actions = desk.InScope(db => db.AuditEvents.Select(e => e.Action).ToList());
        Assert.Contains(AuditActions.AccountCreated, actions);
        Assert.Contains(AuditActions.ActivationIssued, actions);

        var (_, again) = await desk.Client.GetAsync(desk.AccountPath);
        Assert.Null(again.QuerySelector("[data-testid=activation-code]"));
        Assert.NotNull(again.QuerySelector("[data-testid=pending-activation]"));
        Assert.DoesNotContain(code, again.Body!.TextContent);
    }

    [Fact]
    public async Task A_relative_activates_with_the_code_typed_loosely_and_it_cannot_be_used_twice()
    {
        var desk = await OnShiftAsync(ConsentPurpose.CreateAccount);
        await using var _app = desk.App;
        var code = (await IssueAsync(desk)).QuerySelector("[data-testid=activation-code]")!.TextContent.Trim();

        var (phone, landing) = await ActivateWithCodeAsync(desk, " " + code.ToLowerInvariant().Replace("-", " ") + " ");

        Assert.Equal("/me", new Uri(landing.Url).AbsolutePath);
        Assert.Equal("zh-Hant", landing.DocumentElement.GetAttribute("lang"));
        Assert.Contains("林文福", landing.QuerySelector("[data-testid=me-details]")!.TextContent);
        Assert.NotNull(landing.QuerySelector("[data-testid=my-consent-valid]"));
        Assert.NotNull(desk.InScope(db => db.ResidentActivations.Single()).UsedAt);

        var other = PageClient.For(desk.App);
        var (_, form) = await other.GetAsync("/activate");
        var (_, refused) = await other.SubmitAsync(form, "[data-testid=code-form]", new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(ResourceFiles.Value("vi", "Error_InvitationUsed"), refused.QuerySelector("[data-testid=activate-error]")!.TextContent.Trim());
        Assert.Null(refused.QuerySelector("form[data-passkey]"));
    }

    [Fact]
    public async Task A_lost_phones_passkeys_are_removed_at_the_desk_and_only_a_new_activation_gets_in_again()
    {
        var desk = await OnShiftAsync(ConsentPurpose.CreateAccount);
        await using var _app = desk.App;
        var lostPhone = new SoftwareAuthenticator();
        await ActivateWithCodeAsync(desk, (await IssueAsync(desk)).QuerySelector("[data-testid=activation-code]")!.TextContent.Trim(), lostPhone);

        var (_, account) = await desk.Client.GetAsync(desk.AccountPath);
        var (_, removed) = await desk.Client.SubmitAsync(account, "form[action*='handler=RemovePasskeys']");

        Assert.Equal(string.Format(ResourceFiles.Value("vi", "Account_PasskeysRemoved"), 1), removed.QuerySelector("[data-testid=passkeys-removed]")!.TextContent.Trim());
        Assert.Null(removed.QuerySelector("[data-testid=remove-passkeys]")); // nothing left to remove
        var recorded = desk.InScope(db => db.AuditEvents.Single(e => e.Action == AuditActions.AccountPasskeysRemoved));
        Assert.Equal((desk.Volunteer.UserId, desk.ResidentId, "1"), (recorded.UserId, recorded.ResidentId, recorded.Detail));

        // Whoever holds the lost phone is not let in with its passkey.
        var finder = PageClient.For(desk.App);
        var (_, signIn) = await finder.GetAsync("/account/signin");
        await finder.UsePasskeyAsync(signIn, "form[data-passkey=get]", lostPhone);
        Assert.NotEqual("/me", new Uri((await finder.GetAsync("/me")).Document.Url).AbsolutePath);

        var (_, landing) = await ActivateWithCodeAsync(desk, (await IssueAsync(desk)).QuerySelector("[data-testid=activation-code]")!.TextContent.Trim());
        Assert.Equal("/me", new Uri(landing.Url).AbsolutePath);
    }

    [Fact]
    public async Task An_activation_expires_after_seven_days_and_a_new_one_cancels_the_old()
    {
        var desk = await OnShiftAsync(ConsentPurpose.CreateAccount);
        await using var _app = desk.App;
        var first = (await IssueAsync(desk)).QuerySelector("[data-testid=activation-code]")!.TextContent.Trim();
        var second = (await IssueAsync(desk)).QuerySelector("[data-testid=activation-code]")!.TextContent.Trim();
        var phone = PageClient.For(desk.App);

        var (_, form) = await phone.GetAsync("/activate");
        var (_, cancelled) = await phone.SubmitAsync(form, "[data-testid=code-form]", new Dictionary<string, string> { ["Code"] = first });
        Assert.Equal(ResourceFiles.Value("vi", "Error_InvitationRevoked"), cancelled.QuerySelector("[data-testid=activate-error]")!.TextContent.Trim());

        desk.App.SetClock(During.AddDays(7).AddMinutes(1));
        var (_, expired) = await phone.SubmitAsync(form, "[data-testid=code-form]", new Dictionary<string, string> { ["Code"] = second });
        Assert.Equal(ResourceFiles.Value("vi", "Error_InvitationExpired"), expired.QuerySelector("[data-testid=activate-error]")!.TextContent.Trim());
        Assert.Single(desk.InScope(db => db.Residents.Select(r => r.AccountUserId).ToList()), id => id != null);
    }

    [Fact]
    public async Task Withdrawing_from_the_residents_page_stops_filing_at_the_desk_at_once()
    {
        var desk = await OnShiftAsync(ConsentPurpose.CreateAccount, ConsentPurpose.FileProcedure);
        await using var _app = desk.App;
        var code = (await IssueAsync(desk)).QuerySelector("[data-testid=activation-code]")!.TextContent.Trim();
        var (phone, landing) = await ActivateWithCodeAsync(desk, code);

        var (_, after) = await phone.SubmitAsync(landing, "form[action*='handler=Withdraw']");

        Assert.NotNull(after.QuerySelector("[data-testid=my-consent-withdrawn]"));
        var (_, start) = await desk.Client.GetAsync($"/desk/visits/{desk.VisitId}/file");
        var (_, refused) = await desk.Client.SubmitAsync(start, "[data-testid=start-form]", new Dictionary<string, string> { ["ProcedureCode"] = BirthRegistration });
        Assert.Equal(ResourceFiles.Value("vi", "Error_ConsentRequired"), refused.QuerySelector("[data-testid=filing-error]")!.TextContent.Trim());
        var withdrawn = desk.InScope(db => db.AuditEvents.Single(e => e.Action == AuditActions.ConsentWithdrawn));
        Assert.Equal("account", withdrawn.Detail);
    }

    [Fact]
    public async Task A_consent_asked_on_the_residents_own_phone_counts_only_once_confirmed_there()
    {
        var desk = await OnShiftAsync(ConsentPurpose.CreateAccount);
        await using var _app = desk.App;
        var code = (await IssueAsync(desk)).QuerySelector("[data-testid=activation-code]")!.TextContent.Trim();
        var (phone, _) = await ActivateWithCodeAsync(desk, code);

        var (_, form) = await desk.Client.GetAsync($"/desk/visits/{desk.VisitId}/consent");
        foreach (var id in new[] { "purpose-file-procedure", "procedure-" + BirthRegistration })
            ((IHtmlInputElement)form.QuerySelector($"[data-testid='{id}']")!).IsChecked = true;
        var (_, receipt) = await desk.Client.SubmitAsync(form, "[data-testid=consent-form]", new Dictionary<string, string>
        {
            ["Duration"] = "30-days", ["Method"] = nameof(ConsentMethod.ResidentPhone),
        });
        Assert.NotNull(receipt.QuerySelector("[data-testid=receipt-awaiting]"));
        Assert.Null(desk.InScope(db => db.ConsentEvidence.FirstOrDefault(e => db.Consents.Any(c => c.Id == e.ConsentId && c.Method == ConsentMethod.ResidentPhone))));
        var (_, start) = await desk.Client.GetAsync($"/desk/visits/{desk.VisitId}/file");
        var (_, refused) = await desk.Client.SubmitAsync(start, "[data-testid=start-form]", new Dictionary<string, string> { ["ProcedureCode"] = BirthRegistration });
        Assert.NotNull(refused.QuerySelector("[data-testid=filing-error]"));

        var (_, mine) = await phone.GetAsync("/me");
        Assert.Contains("林文福", mine.Body!.TextContent);
        var (_, confirmed) = await phone.SubmitAsync(mine, "[data-testid=awaiting-consent] form");
        Assert.Null(confirmed.QuerySelector("[data-testid=awaiting-consent]"));

        var (_, started) = await desk.Client.SubmitAsync(start, "[data-testid=start-form]", new Dictionary<string, string> { ["ProcedureCode"] = BirthRegistration });
        Assert.EndsWith("/steps/1", new Uri(started.Url).AbsolutePath);
        var (_, after) = await desk.Client.GetAsync(new Uri(receipt.Url).AbsolutePath);
        Assert.NotNull(after.QuerySelector("[data-testid=receipt-confirmed]"));
        var consent = desk.InScope(db => db.Consents.Single(c => c.Method == ConsentMethod.ResidentPhone));
        Assert.Equal(desk.InScope(db => db.Residents.Single()).AccountUserId, consent.ConfirmedByUserId);
    }

    [Fact]
    public async Task The_resident_sees_their_filed_dossier_with_its_status_in_their_language_and_downloads_it_with_its_papers()
    {
        var desk = await OnShiftAsync(ConsentPurpose.CreateAccount, ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans);
        await using var _app = desk.App;
        var dossier = await desk.App.SubmitDraftAsync(await desk.App.ReadyDraftAsync(desk.VisitId));
        var (phone, landing) = await ActivateWithCodeAsync(desk, (await IssueAsync(desk)).QuerySelector("[data-testid=activation-code]")!.TextContent.Trim());

        var listed = Assert.Single(landing.QuerySelectorAll("[data-testid=my-dossier]"));
        Assert.Equal(dossier.Number, listed.GetAttribute("data-number"));
        Assert.Equal(ResourceFiles.Value("zh-Hant", "DossierStatus_Submitted"), listed.QuerySelector("[data-testid=my-dossier-status]")!.TextContent);
        Assert.Equal($"/t/{dossier.TrackingCodeCompact}", listed.QuerySelector("[data-testid=my-dossier-track]")!.GetAttribute("href"));
        Assert.Empty(landing.QuerySelectorAll("[data-testid=my-drafts] li")); // filed, no longer "being prepared"

        var officer = await desk.App.CreateAsync(Roles.WardStaff);
        await desk.App.WardMovesAsync(dossier.Id, officer.UserId, HelpDesk.Domain.Dossiers.DossierIntent.Receive);
        var (_, later) = await phone.GetAsync("/me");
        Assert.Equal(ResourceFiles.Value("zh-Hant", "DossierStatus_Received"), later.QuerySelector("[data-testid=my-dossier-status]")!.TextContent);

        using var json = JsonDocument.Parse(await (await phone.Http.GetAsync("/me?handler=Download")).Content.ReadAsStringAsync());
        var exported = Assert.Single(json.RootElement.GetProperty("dossiers").EnumerateArray());
        Assert.Equal(dossier.Number, exported.GetProperty("Number").GetString());
        Assert.Equal(["Submitted", "Received"], exported.GetProperty("history").EnumerateArray().Select(t => t.GetProperty("to").GetString()));
        Assert.NotEqual(0, exported.GetProperty("papers").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("dossiersInPreparation").GetArrayLength());
    }

    [Fact]
    public async Task The_download_holds_everything_about_the_resident_and_who_saw_it()
    {
        var desk = await OnShiftAsync(ConsentPurpose.CreateAccount);
        await using var _app = desk.App;
        var code = (await IssueAsync(desk)).QuerySelector("[data-testid=activation-code]")!.TextContent.Trim();
        var (phone, _) = await ActivateWithCodeAsync(desk, code);

        var response = await phone.Http.GetAsync("/me?handler=Download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(IdNumber, root.GetProperty("person").GetProperty("PersonalIdNumber").GetString());
        Assert.Equal("林文福", root.GetProperty("person").GetProperty("ChineseName").GetString());
        Assert.Equal(1, root.GetProperty("consents").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("consents")[0].GetProperty("evidence").GetProperty("base64").GetString()));
        var seen = root.GetProperty("whoSawOrChangedMyData").EnumerateArray().Select(e => e.GetProperty("Action").GetString()).ToList();
        Assert.Contains(AuditActions.AccountCreated, seen);
        Assert.Contains(AuditActions.AccountActivated, seen);
        Assert.Contains(AuditActions.ResidentExported, desk.InScope(db => db.AuditEvents.Select(e => e.Action).ToList()));

        // The volunteer's session cannot open a resident's page.
        var (denied, _) = await desk.Client.GetAsync("/me");
        Assert.EndsWith("/account/denied", denied.RequestMessage!.RequestUri!.AbsolutePath);
    }
}

public sealed class ResidentAccountTestsOnSqlite() : ResidentAccountTests(DatabaseProviderChoice.Sqlite);
public sealed class ResidentAccountTestsOnPostgres() : ResidentAccountTests(DatabaseProviderChoice.Postgres);
