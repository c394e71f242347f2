using System.Net;
using AngleSharp.Html.Dom;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Places;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Residents;

/// <summary>
/// The served resident's details page: only with a valid consent, the ID number masked unless
/// deliberately revealed, contact details corrected through the domain, every act audited.
/// </summary>
public abstract class ResidentDetailsTests(DatabaseProviderChoice choice)
{
    private const string IdNumber = "079060001234";
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    private static readonly Dictionary<string, string> Contact = new()
    {
        ["Input.Phone"] = "+84 912 345 678",
        ["Input.Email"] = "phuc.lam@example.com",
        ["Input.Street"] = "12 Lê Lợi",
        ["Input.WardName"] = "Phường Chợ Lớn",
        ["Input.Province"] = "Thành phố Hồ Chí Minh",
        ["Input.LegacyAddress"] = "12 Lê Lợi, Phường 11, Quận 5, TP. Hồ Chí Minh",
        ["Input.PreferredLanguage"] = Cultures.SimplifiedChinese,
        ["Input.LargeText"] = "true",
    };

    private sealed record Desk(HelpDeskApp App, PageClient Client, TestAccount Volunteer, Guid PointId, Guid VisitId, Guid ResidentId)
    {
        public string VisitPath => $"/desk/visits/{VisitId}";
        public string DetailsPath => $"/desk/visits/{VisitId}/resident/details";
        /// <summary>The same browser, but showing each redirect instead of following it.</summary>
        public PageClient NoRedirects => PageClient.For(App, Client.Cookies, followRedirects: false);

        public T InScope<T>(Func<HelpDeskDbContext, T> read)
        {
            using var scope = App.Services.CreateScope();
            return read(scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>());
        }

        public Resident Resident => InScope(db => db.Residents.Single(r => r.Id == ResidentId));
        public int Events(string action) => InScope(db => db.AuditEvents.Count(e => e.Action == action && e.ResidentId == ResidentId));
    }

    /// <summary>A volunteer on shift, in a visit serving Lâm Văn Phúc (林文福, ID number <see cref="IdNumber"/>), consenting unless told otherwise.</summary>
    private async Task<Desk> OnShiftAsync(bool consent = true, string? personalId = IdNumber)
    {
        var app = new HelpDeskApp(choice.Provider);
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var point = await app.CreatePointAsync("TN01", volunteer.UserId);
        var client = PageClient.For(app);
        await client.SignInAsync(volunteer);
        var (_, desk) = await client.GetAsync("/desk");
        (_, desk) = await client.SubmitAsync(desk, "form[action*='handler=CheckIn']");
        var (_, visit) = await client.SubmitAsync(desk, "form[action*='handler=StartVisit']");
        var visitId = Guid.Parse(new Uri(visit.Url).Segments.Last());
        var resident = await app.ServeResidentAsync(visitId, "Lâm Văn Phúc", "林文福", personalId: personalId);
        if (consent) await app.GiveConsentAsync(visitId, [ConsentPurpose.CreateAccount]);
        return new Desk(app, client, volunteer, point.Id, visitId, resident);
    }

    private static async Task<IHtmlDocument> DetailsAsync(Desk desk)
    {
        var (response, page) = await desk.Client.GetAsync(desk.DetailsPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private static string Path(IHtmlDocument page) => new Uri(page.Url).AbsolutePath;
    private static string? ValueOf(IHtmlDocument page, string id) => (page.QuerySelector("#" + id) as IHtmlInputElement)?.Value;

    /// <summary>The antiforgery token of the volunteer's session, from a page they may open.</summary>
    private static async Task<string> TokenAsync(PageClient client, string path)
    {
        var (_, page) = await client.GetAsync(path);
        return (page.QuerySelector("[name=__RequestVerificationToken]") as IHtmlInputElement)!.Value;
    }

    /// <summary>GET, save and reveal each go back to the visit (which says a consent is needed) without showing or changing anything.</summary>
    private static async Task AssertSentBackToTheVisitAsync(Desk desk)
    {
        var token = await TokenAsync(desk.Client, desk.VisitPath);
        var requests = new Func<HttpClient, Task<HttpResponseMessage>>[]
        {
            http => http.GetAsync(desk.DetailsPath),
            http => http.PostAsync(desk.DetailsPath, new FormUrlEncodedContent(
                [new("__RequestVerificationToken", token), new("Input.Email", "phuc.lam@example.com"), new("Input.PreferredLanguage", "vi")])),
            http => http.PostAsync(desk.DetailsPath + "?handler=Reveal", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])),
        };
        foreach (var request in requests)
        {
            var response = await request(desk.NoRedirects.Http);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(desk.VisitPath, response.Headers.Location?.OriginalString);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Lâm Văn Phúc", body);
            Assert.DoesNotContain("林文福", body);
            Assert.DoesNotContain(IdNumber, body);
        }

        var (_, visit) = await desk.Client.GetAsync(desk.DetailsPath);
        Assert.Equal(desk.VisitPath, Path(visit));
        Assert.Equal(ResourceFiles.Value("vi", "Consent_Needed"), visit.QuerySelector("[data-testid=visit-message]")!.TextContent.Trim());
        Assert.Null(visit.QuerySelector("[data-testid=resident-details]"));
        Assert.Null(desk.Resident.Email);
        Assert.Equal(0, desk.Events(AuditActions.ResidentViewed) + desk.Events(AuditActions.ResidentUpdated) + desk.Events(AuditActions.ResidentIdRevealed));
        Assert.Equal(4, desk.Events(AuditActions.AccessRefused));
    }

    [Fact]
    public async Task Without_a_consent_the_page_sends_back_to_the_visit_and_shows_nothing_of_the_resident()
    {
        var desk = await OnShiftAsync(consent: false);
        await using var _app = desk.App;

        await AssertSentBackToTheVisitAsync(desk);
    }

    [Fact]
    public async Task With_a_withdrawn_consent_the_page_sends_back_to_the_visit_and_shows_nothing_of_the_resident()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        desk.InScope(db => { db.Consents.Single().Withdraw(desk.Volunteer.UserId, desk.App.Clock.GetUtcNow()); return db.SaveChanges(); });

        await AssertSentBackToTheVisitAsync(desk);
    }

    [Fact]
    public async Task With_an_expired_consent_the_page_sends_back_to_the_visit_and_shows_nothing_of_the_resident()
    {
        var desk = await OnShiftAsync(consent: false);
        await using var _app = desk.App;
        // A consent for "today only" given yesterday: moving the clock past midnight would end the shift instead.
        var now = desk.App.Clock.GetUtcNow();
        desk.App.SetClock(now.AddDays(-1));
        await desk.App.GiveConsentAsync(desk.VisitId, [ConsentPurpose.CreateAccount]);
        desk.App.SetClock(now);
        Assert.Equal(ConsentStatus.Expired, desk.InScope(db => db.Consents.Single()).StatusAt(desk.App.Clock.GetUtcNow()));

        await AssertSentBackToTheVisitAsync(desk);
    }

    [Fact]
    public async Task With_a_consent_the_page_shows_the_identity_with_the_id_number_masked_and_records_the_view()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;

        var page = await DetailsAsync(desk);

        Assert.Equal(ResourceFiles.Value("vi", "ResidentDetails_Title"), page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Lâm Văn Phúc", page.QuerySelector("[data-testid=resident-name]")!.TextContent.Trim());
        Assert.Equal("林文福", page.QuerySelector("[data-testid=resident-chinese-name]")!.TextContent.Trim());
        Assert.Equal("01/01/1960", page.QuerySelector("[data-testid=resident-birth]")!.TextContent.Trim());
        Assert.Equal("•••••••••234", page.QuerySelector("[data-testid=resident-id]")!.TextContent.Trim());
        Assert.DoesNotContain(IdNumber, page.DocumentElement.OuterHtml);
        Assert.NotNull(page.QuerySelector("[data-testid=reveal]"));
        var viewed = Assert.Single(desk.InScope(db => db.AuditEvents.Where(e => e.Action == AuditActions.ResidentViewed).ToList()));
        Assert.Equal(desk.Volunteer.UserId, viewed.UserId);
        Assert.Equal(desk.ResidentId, viewed.ResidentId);
        Assert.Equal(desk.PointId, viewed.PointId);
        Assert.Null(viewed.Subject);
    }

    [Fact]
    public async Task Every_input_has_a_label_and_the_languages_are_named_in_their_own_language()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;

        var page = await DetailsAsync(desk);

        var form = page.QuerySelector("[data-testid=details-form]")!;
        foreach (var input in form.QuerySelectorAll("input:not([type=hidden])"))
            Assert.True((input.Id is { Length: > 0 } id && form.QuerySelector($"label[for='{id}']") is not null) || input.Closest("label") is not null,
                $"{input.GetAttribute("name")} has no label");
        foreach (var culture in Cultures.All)
            Assert.Equal(culture, page.QuerySelector($"[data-testid=language-{culture}]")!.Closest("label")!.GetAttribute("lang"));
        Assert.True((page.QuerySelector($"[data-testid=language-{Cultures.TraditionalChinese}]") as IHtmlInputElement)!.IsChecked);
    }

    [Fact]
    public async Task A_valid_update_saves_the_contact_details_address_and_preferences_and_is_recorded()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;

        var (_, saved) = await desk.Client.SubmitAsync(await DetailsAsync(desk), "[data-testid=details-form]", Contact);

        Assert.Equal(desk.DetailsPath, Path(saved));
        Assert.Equal(string.Empty, new Uri(saved.Url).Query);
        var notice = saved.QuerySelector("[data-testid=details-saved]")!;
        Assert.Equal("status", notice.GetAttribute("role"));
        Assert.Equal(ResourceFiles.Value("vi", "ResidentDetails_Saved"), notice.TextContent.Trim());
        var resident = desk.Resident;
        Assert.Equal("0912345678", resident.Phone);
        Assert.Equal("phuc.lam@example.com", resident.Email);
        Assert.Equal("12 Lê Lợi", resident.Street);
        Assert.Equal("Phường Chợ Lớn", resident.WardName);
        Assert.Equal("Thành phố Hồ Chí Minh", resident.Province);
        Assert.Equal("12 Lê Lợi, Phường 11, Quận 5, TP. Hồ Chí Minh", resident.LegacyAddress);
        Assert.Equal(Cultures.SimplifiedChinese, resident.PreferredLanguage);
        Assert.True(resident.LargeText);
        Assert.False(resident.ReadAloud);
        Assert.Equal(1, desk.Events(AuditActions.ResidentUpdated));
        Assert.Equal("0912345678", ValueOf(saved, "r-Phone"));

        var (_, reloaded) = await desk.Client.GetAsync(desk.DetailsPath);
        Assert.Null(reloaded.QuerySelector("[data-testid=details-saved]"));
    }

    [Fact]
    public async Task A_bad_email_is_refused_next_to_the_email_field_keeping_what_was_typed_and_saving_nothing()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;

        var (_, refused) = await desk.Client.SubmitAsync(await DetailsAsync(desk), "[data-testid=details-form]",
            new Dictionary<string, string>(Contact) { ["Input.Email"] = "phuc.lam@example" });

        Assert.Equal(desk.DetailsPath, Path(refused));
        Assert.Equal(ResourceFiles.Value("vi", "Error_FieldEmail"), refused.QuerySelector("[data-testid=error-Email]")!.TextContent.Trim());
        var email = refused.QuerySelector("#r-Email")!;
        Assert.Equal("true", email.GetAttribute("aria-invalid"));
        Assert.Contains("r-Email-error", email.GetAttribute("aria-describedby"));
        Assert.Equal(["#r-Email"], refused.QuerySelectorAll("[data-testid=error-summary] a").Select(a => a.GetAttribute("href")));
        Assert.Equal("phuc.lam@example", ValueOf(refused, "r-Email"));
        Assert.Equal("+84 912 345 678", ValueOf(refused, "r-Phone"));
        Assert.Equal("12 Lê Lợi, Phường 11, Quận 5, TP. Hồ Chí Minh", ValueOf(refused, "r-LegacyAddress"));
        Assert.True((refused.QuerySelector("[data-testid=large-text]") as IHtmlInputElement)!.IsChecked);
        Assert.Null(refused.QuerySelector("[data-testid=details-saved]"));
        var resident = desk.Resident;
        Assert.Null(resident.Email);
        Assert.Null(resident.Phone);
        Assert.Null(resident.Street);
        Assert.Null(resident.UpdatedAt);
        Assert.Equal(Cultures.TraditionalChinese, resident.PreferredLanguage);
        Assert.Equal(0, desk.Events(AuditActions.ResidentUpdated));
    }

    [Fact]
    public async Task A_part_of_the_address_too_long_is_refused_next_to_that_part()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;

        var (_, refused) = await desk.Client.SubmitAsync(await DetailsAsync(desk), "[data-testid=details-form]",
            new Dictionary<string, string>(Contact) { ["Input.WardName"] = new string('x', Resident.MaxAddressLength + 1) });

        Assert.Equal(string.Format(ResourceFiles.Value("vi", "Error_FieldTooLong"), Resident.MaxAddressLength),
            refused.QuerySelector("[data-testid=error-WardName]")!.TextContent.Trim());
        Assert.Equal("true", refused.QuerySelector("#r-WardName")!.GetAttribute("aria-invalid"));
        Assert.Null(refused.QuerySelector("#r-Street")!.GetAttribute("aria-invalid"));
        Assert.Null(desk.Resident.Street);
        Assert.Equal(0, desk.Events(AuditActions.ResidentUpdated));
    }

    [Fact]
    public async Task Reveal_shows_the_full_number_once_records_it_and_puts_it_in_no_address_or_log()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        var page = await DetailsAsync(desk);

        var (response, revealed) = await desk.NoRedirects.SubmitAsync(page, "[data-testid=reveal-form]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(IdNumber, revealed.QuerySelector("[data-testid=resident-id-full]")!.TextContent.Trim());
        Assert.Null(revealed.QuerySelector("[data-testid=reveal]"));
        Assert.Equal(1, desk.Events(AuditActions.ResidentIdRevealed));
        Assert.DoesNotContain(IdNumber, response.RequestMessage!.RequestUri!.ToString());
        var addresses = revealed.QuerySelectorAll("[href],[action],[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("action") ?? e.GetAttribute("src") ?? "").ToList();
        Assert.NotEmpty(addresses);
        Assert.DoesNotContain(addresses, a => a.Contains(IdNumber));

        // Saving from the revealed page goes back to the page without the number, by an address without it.
        var (saved, _) = await desk.NoRedirects.SubmitAsync(revealed, "[data-testid=details-form]", Contact);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(desk.DetailsPath, saved.Headers.Location?.OriginalString);
        var (_, again) = await desk.Client.GetAsync(desk.DetailsPath);
        Assert.Equal("•••••••••234", again.QuerySelector("[data-testid=resident-id]")!.TextContent.Trim());
        Assert.DoesNotContain(IdNumber, again.DocumentElement.OuterHtml);

        Assert.DoesNotContain(desk.App.Logs.Messages, m => m.Contains(IdNumber));
        Assert.DoesNotContain(desk.Client.Cookies.GetAllCookies(), c => c.Value.Contains(IdNumber));
        Assert.DoesNotContain(desk.InScope(db => db.AuditEvents.ToList()), e => $"{e.Subject}{e.Detail}".Contains(IdNumber));
    }

    [Fact]
    public async Task A_resident_without_an_id_number_has_nothing_to_reveal()
    {
        var desk = await OnShiftAsync(personalId: null);
        await using var _app = desk.App;

        var page = await DetailsAsync(desk);

        Assert.Null(page.QuerySelector("[data-testid=reveal]"));
        Assert.Equal(ResourceFiles.Value("vi", "ResidentDetails_NoPersonalId"), page.QuerySelector("[data-testid=resident-id-none]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Another_volunteer_on_shift_at_the_same_point_gets_not_found_for_this_visits_details()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        var other = await desk.App.CreateAsync(Roles.Volunteer);
        desk.InScope(db => { db.PointAssignments.Add(new PointAssignment(desk.PointId, other.UserId, DateTimeOffset.UtcNow)); return db.SaveChanges(); });
        var intruder = PageClient.For(desk.App);
        await intruder.SignInAsync(other);
        var (_, deskPage) = await intruder.GetAsync("/desk");
        (_, deskPage) = await intruder.SubmitAsync(deskPage, "form[action*='handler=CheckIn']");
        var (_, ownVisit) = await intruder.SubmitAsync(deskPage, "form[action*='handler=StartVisit']");
        Assert.Contains("/desk/visits/", ownVisit.Url);
        var token = (ownVisit.QuerySelector("[name=__RequestVerificationToken]") as IHtmlInputElement)!.Value;

        var get = await intruder.Http.GetAsync(desk.DetailsPath);
        var reveal = await intruder.Http.PostAsync(desk.DetailsPath + "?handler=Reveal", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var save = await intruder.Http.PostAsync(desk.DetailsPath, new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.Email", "someone@example.com"), new("Input.PreferredLanguage", "vi")]));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reveal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        Assert.DoesNotContain(IdNumber, await reveal.Content.ReadAsStringAsync());
        Assert.Null(desk.Resident.Email);
        Assert.Equal(0, desk.Events(AuditActions.ResidentViewed) + desk.Events(AuditActions.ResidentIdRevealed) + desk.Events(AuditActions.ResidentUpdated));
    }
}

public sealed class ResidentDetailsTestsOnSqlite() : ResidentDetailsTests(DatabaseProviderChoice.Sqlite);
public sealed class ResidentDetailsTestsOnPostgres() : ResidentDetailsTests(DatabaseProviderChoice.Postgres);
