using System.Net;
using AngleSharp.Html.Dom;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Places;
using HelpDesk.Domain.Procedures;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Filing;

/// <summary>Filling a procedure's form during a visit: start, steps saved one by one, resume, the review sheet.</summary>
public abstract class FilingTests(DatabaseProviderChoice choice)
{
    private const string BirthRegistration = "1.001193";
    private const string BusinessHousehold = "1.001612";
    private const string Marriage = "1.000894";
    private const string Action = "filing-action";
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    private static readonly Dictionary<string, string> Child = new()
    {
        ["childFullName"] = "Lâm Gia Huy",
        ["childDateOfBirth"] = "05/09/2025",
        ["childSex"] = "male",
        ["childPlaceOfBirth"] = "Bệnh viện Hùng Vương",
        ["childNationality"] = "Việt Nam",
        ["childHometown"] = "Quảng Đông",
    };

    private static readonly Dictionary<string, string> Parents = new()
    {
        ["mother[0].motherFullName"] = "Trần Thị Mai",
        ["mother[0].motherDateOfBirth"] = "12/03/1995",
        ["mother[0].motherPersonalId"] = "079195001234",
        ["mother[0].motherResidence.street"] = "12 Lê Lợi",
        ["mother[0].motherResidence.ward"] = "Phường Chợ Lớn",
        ["mother[0].motherResidence.province"] = "Thành phố Hồ Chí Minh",
    };

    private static readonly Dictionary<string, string> Filer = new()
    {
        ["filerFullName"] = "Trần Thị Mai",
        ["filerPersonalId"] = "079195001234",
        ["filerPhone"] = "0901234567",
        ["filerRelationship"] = "mother",
    };

    /// <summary>A volunteer on shift with an open visit serving a resident who consented to both forms used here being filed.</summary>
    private async Task<(HelpDeskApp App, PageClient Volunteer, TestAccount Account, IHtmlDocument VisitPage)> OnShiftAsync(string residentName = "Lâm Văn Phúc", string? chineseName = null)
    {
        var app = new HelpDeskApp(choice.Provider);
        app.SetClock(During);
        var account = await app.CreateAsync(Roles.Volunteer);
        await app.CreatePointAsync("TN01", account.UserId);
        var client = PageClient.For(app);
        await client.SignInAsync(account);
        var (_, desk) = await client.GetAsync("/desk");
        (_, desk) = await client.SubmitAsync(desk, "form[action*='handler=CheckIn']");
        var (_, visit) = await client.SubmitAsync(desk, "form[action*='handler=StartVisit']");
        Assert.Contains("/desk/visits/", visit.Url);
        await app.ServeConsentingResidentAsync(VisitId(visit), residentName, chineseName, BirthRegistration, BusinessHousehold);
        return (app, client, account, visit);
    }

    private static async Task<IHtmlDocument> StartAsync(PageClient client, IHtmlDocument visitPage, string code)
    {
        var link = visitPage.QuerySelector("[data-testid=file-procedure]")!.GetAttribute("href")!;
        var (_, start) = await client.GetAsync(link);
        var (_, step) = await client.SubmitAsync(start, "[data-testid=start-form]", new Dictionary<string, string> { ["ProcedureCode"] = code });
        return step;
    }

    private static Task<(HttpResponseMessage Response, IHtmlDocument Document)> SaveAsync(PageClient client, IHtmlDocument step, IReadOnlyDictionary<string, string> values, string action = "save") =>
        client.SubmitAsync(step, "[data-testid=step-form]", values, Action, action);

    /// <summary>What autosave.js sends: the form as it stands, to the form's autosave address.</summary>
    private static Task<(HttpResponseMessage Response, IHtmlDocument Document)> KeepAsync(PageClient client, IHtmlDocument step, IReadOnlyDictionary<string, string> values)
    {
        var form = step.QuerySelector("[data-testid=step-form]")!;
        form.SetAttribute("action", form.GetAttribute("data-autosave")!);
        return client.SubmitAsync(step, "[data-testid=step-form]", values);
    }

    private static T InScope<T>(HelpDeskApp app, Func<HelpDeskDbContext, T> read)
    {
        using var scope = app.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>());
    }

    private static Guid VisitId(IHtmlDocument visitPage) => Guid.Parse(new Uri(visitPage.Url).Segments.Last());

    private static string Path(IHtmlDocument page) => new Uri(page.Url).AbsolutePath;
    private static string? ValueOf(IHtmlDocument page, string name) => (page.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value;

    [Fact]
    public async Task Starting_a_birth_registration_opens_step_one_with_labels_in_vietnamese_and_the_residents_language()
    {
        var (app, client, account, visitPage) = await OnShiftAsync();
        await using var _app = app;

        var step = await StartAsync(client, visitPage, BirthRegistration);

        Assert.Matches("^/desk/drafts/[0-9a-f-]+/steps/1$", Path(step));
        Assert.Equal(string.Format(ResourceFiles.Value("vi", "Filing_StepOf"), 1, 3), step.QuerySelector("[data-testid=step-of]")!.TextContent.Trim());
        Assert.Equal("step", step.QuerySelector(".stepper li[aria-current]")!.GetAttribute("aria-current"));
        var label = step.QuerySelector("label[for=f-childFullName]")!;
        Assert.Equal("Họ, chữ đệm và tên của trẻ", label.QuerySelector("[lang=vi]")!.TextContent.Trim());
        Assert.NotNull(label.QuerySelector("[lang=zh-Hant]"));
        Assert.Equal(ResourceFiles.Value("vi", "Filing_DatePlaceholder"), step.QuerySelector("#f-childDateOfBirth")!.GetAttribute("placeholder"));

        var draft = InScope(app, db => db.DossierDrafts.Single());
        Assert.Equal(BirthRegistration, draft.ProcedureCode);
        Assert.Equal("zh-Hant", draft.ResidentLanguage);
        Assert.Equal(account.UserId, draft.VolunteerId);
    }

    [Fact]
    public async Task A_step_with_errors_keeps_what_was_typed_and_shows_localised_messages()
    {
        var (app, client, _, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var step = await StartAsync(client, visitPage, BirthRegistration);

        var (_, refused) = await SaveAsync(client, step, new Dictionary<string, string>(Child) { ["childDateOfBirth"] = "31/02/2025", ["childNationality"] = "" });

        Assert.EndsWith("/steps/1", Path(refused));
        Assert.Equal(ResourceFiles.Value("vi", "Error_FieldDate"), refused.QuerySelector("[data-testid='error-childDateOfBirth']")!.TextContent.Trim());
        Assert.Equal(ResourceFiles.Value("vi", "Error_FieldRequired"), refused.QuerySelector("[data-testid='error-childNationality']")!.TextContent.Trim());
        var date = refused.QuerySelector("#f-childDateOfBirth")!;
        Assert.Equal("true", date.GetAttribute("aria-invalid"));
        Assert.Contains("f-childDateOfBirth-error", date.GetAttribute("aria-describedby"));
        Assert.Equal("31/02/2025", ValueOf(refused, "childDateOfBirth"));
        Assert.Equal("Lâm Gia Huy", ValueOf(refused, "childFullName"));
        Assert.Equal("male", (refused.QuerySelector("[name=childSex]") as IHtmlSelectElement)!.Value);
        var links = refused.QuerySelectorAll("[data-testid=error-summary] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#f-childDateOfBirth", "#f-childNationality"], links);
        Assert.Empty(InScope(app, db => db.DossierDrafts.Single()).Answers);
    }

    [Fact]
    public async Task A_valid_step_is_saved_and_the_next_one_opens()
    {
        var (app, client, _, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var step = await StartAsync(client, visitPage, BirthRegistration);

        var (_, next) = await SaveAsync(client, step, new Dictionary<string, string>(Child) { ["childFullName"] = "  Lâm   Gia Huy " });

        Assert.EndsWith("/steps/2", Path(next));
        var draft = InScope(app, db => db.DossierDrafts.Single());
        Assert.Equal("Lâm Gia Huy", draft.Answers["childFullName"]);
        Assert.Equal("05/09/2025", draft.Answers["childDateOfBirth"]);
        Assert.Equal(1, draft.CurrentStep);
    }

    [Fact]
    public async Task After_a_dropped_connection_the_draft_resumes_with_its_saved_values()
    {
        var (app, client, account, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var step = await StartAsync(client, visitPage, BirthRegistration);
        await SaveAsync(client, step, Child);

        var fresh = PageClient.For(app);
        await fresh.SignInAsync(account);
        var (_, start) = await fresh.GetAsync(Path(visitPage) + "/file");
        var resume = start.QuerySelector($"[data-testid='draft-{BirthRegistration}'] [data-testid=resume]")!.GetAttribute("href")!;
        var (_, resumed) = await fresh.GetAsync(resume);
        Assert.EndsWith("/steps/2", Path(resumed));

        var (_, back) = await SaveAsync(fresh, resumed, new Dictionary<string, string>(), "back");
        Assert.EndsWith("/steps/1", Path(back));
        Assert.Equal("Lâm Gia Huy", ValueOf(back, "childFullName"));
        Assert.Equal("male", (back.QuerySelector("[name=childSex]") as IHtmlSelectElement)!.Value);
    }

    [Fact]
    public async Task Typing_kept_by_autosave_comes_back_unchecked_after_the_tab_is_closed()
    {
        var (app, client, account, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var step = await StartAsync(client, visitPage, BirthRegistration);

        var (kept, _) = await KeepAsync(client, step, new Dictionary<string, string> { ["childFullName"] = "Lâm Gia", ["childDateOfBirth"] = "31/02" });
        Assert.Equal(HttpStatusCode.NoContent, kept.StatusCode);

        var fresh = PageClient.For(app);
        await fresh.SignInAsync(account);
        var (_, reopened) = await fresh.GetAsync(Path(step));
        Assert.Equal("Lâm Gia", ValueOf(reopened, "childFullName"));
        Assert.Equal("31/02", ValueOf(reopened, "childDateOfBirth"));
        Assert.Equal(ResourceFiles.Value("vi", "Filing_RestoredTyping"), reopened.QuerySelector("[data-testid=restored-typing]")!.TextContent.Trim());
        var draft = InScope(app, db => db.DossierDrafts.Single());
        Assert.Empty(draft.Answers);
        Assert.DoesNotContain("Lâm Gia", InScope(app, db => db.Database.SqlQueryRaw<string>("SELECT \"Typed\" AS \"Value\" FROM \"DossierDrafts\"").Single()));

        var (_, next) = await SaveAsync(fresh, reopened, Child);
        Assert.EndsWith("/steps/2", Path(next));
        var (_, again) = await fresh.GetAsync(Path(step));
        Assert.Null(again.QuerySelector("[data-testid=restored-typing]"));
        Assert.Equal("Lâm Gia Huy", ValueOf(again, "childFullName"));
    }

    [Fact]
    public async Task An_autosave_from_a_page_older_than_the_last_save_is_ignored()
    {
        var (app, client, _, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var step = await StartAsync(client, visitPage, BirthRegistration);
        await SaveAsync(client, step, Child);

        var (late, _) = await KeepAsync(client, step, new Dictionary<string, string> { ["childFullName"] = "Lâm G" });

        Assert.Equal(HttpStatusCode.NoContent, late.StatusCode);
        var (_, reopened) = await client.GetAsync(Path(step));
        Assert.Equal("Lâm Gia Huy", ValueOf(reopened, "childFullName"));
        Assert.Null(reopened.QuerySelector("[data-testid=restored-typing]"));
    }

    [Fact]
    public async Task Removing_a_person_moves_the_next_one_up_and_saving_keeps_only_the_rest()
    {
        var (app, client, _, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var first = await StartAsync(client, visitPage, BusinessHousehold);
        var (_, members) = await client.GetAsync(Path(first).Replace("/steps/1", "/steps/3"));
        static Dictionary<string, string> Member(int i, string name, string id) => new()
        {
            [$"contributingMembers[{i}].memberFullName"] = name,
            [$"contributingMembers[{i}].memberDateOfBirth"] = "01/01/1970",
            [$"contributingMembers[{i}].memberSex"] = "male",
            [$"contributingMembers[{i}].memberPersonalId"] = id,
            [$"contributingMembers[{i}].memberResidence.street"] = "5 Trần Hưng Đạo",
            [$"contributingMembers[{i}].memberResidence.ward"] = "Phường Chợ Quán",
            [$"contributingMembers[{i}].memberResidence.province"] = "Thành phố Hồ Chí Minh",
        };
        var (_, two) = await SaveAsync(client, members, Member(0, "Lâm Văn Phúc", "079070001111"), "add:contributingMembers");
        (_, two) = await SaveAsync(client, two, Member(1, "Lâm Văn Lộc", "079072002222"), "add:contributingMembers");
        Assert.NotNull(two.QuerySelector("[data-testid=remove-contributingMembers-1]"));
        Assert.Null(two.QuerySelector("[data-testid=remove-contributingMembers-2]"));

        var (_, removed) = await SaveAsync(client, two, new Dictionary<string, string>(), "remove:contributingMembers:0");

        Assert.EndsWith("/steps/3", Path(removed));
        Assert.Equal("Lâm Văn Lộc", ValueOf(removed, "contributingMembers[0].memberFullName"));
        Assert.Equal("", ValueOf(removed, "contributingMembers[1].memberFullName"));
        var (_, saved) = await SaveAsync(client, removed, new Dictionary<string, string>());
        Assert.EndsWith("/review", Path(saved));
        var answers = InScope(app, db => db.DossierDrafts.Single()).Answers;
        Assert.Equal("Lâm Văn Lộc", answers["contributingMembers[0].memberFullName"]);
        Assert.DoesNotContain(answers.Keys, k => k.StartsWith("contributingMembers[1]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Add_another_saves_the_person_and_offers_a_further_blank_one()
    {
        var (app, client, _, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var first = await StartAsync(client, visitPage, BusinessHousehold);
        var (_, members) = await client.GetAsync(Path(first).Replace("/steps/1", "/steps/3"));
        Assert.NotNull(members.QuerySelector("[data-testid=item-contributingMembers-0]"));
        Assert.Null(members.QuerySelector("[data-testid=item-contributingMembers-1]"));

        var (_, more) = await SaveAsync(client, members, new Dictionary<string, string>
        {
            ["contributingMembers[0].memberFullName"] = "Lâm Văn Phúc",
            ["contributingMembers[0].memberDateOfBirth"] = "01/01/1970",
            ["contributingMembers[0].memberSex"] = "male",
            ["contributingMembers[0].memberPersonalId"] = "079070001111",
            ["contributingMembers[0].memberResidence.street"] = "5 Trần Hưng Đạo",
            ["contributingMembers[0].memberResidence.ward"] = "Phường Chợ Quán",
            ["contributingMembers[0].memberResidence.province"] = "Thành phố Hồ Chí Minh",
        }, "add:contributingMembers");

        Assert.EndsWith("/steps/3", Path(more));
        Assert.Equal("Lâm Văn Phúc", ValueOf(more, "contributingMembers[0].memberFullName"));
        Assert.Equal("", ValueOf(more, "contributingMembers[1].memberFullName"));
        Assert.Null(more.QuerySelector("[data-testid=item-contributingMembers-2]"));
        Assert.Equal("Lâm Văn Phúc", InScope(app, db => db.DossierDrafts.Single()).Answers["contributingMembers[0].memberFullName"]);
    }

    [Fact]
    public async Task The_review_sheet_shows_vietnamese_and_traditional_chinese_labels_side_by_side_and_masks_id_numbers()
    {
        var (app, client, _, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var step = await StartAsync(client, visitPage, BirthRegistration);
        (_, step) = await SaveAsync(client, step, Child);
        (_, step) = await SaveAsync(client, step, Parents);
        var (_, review) = await SaveAsync(client, step, Filer);

        Assert.Matches("^/desk/drafts/[0-9a-f-]+/review$", Path(review));
        var birth = app.Services.GetRequiredService<ProcedureCatalog>().FindByCode(BirthRegistration)!;
        var childName = birth.Steps[0].Fields.Single(f => f.Id == "childFullName");
        var row = review.QuerySelector("[data-testid='row-childFullName']")!;
        Assert.Equal(childName.Label.Vietnamese, row.QuerySelector("th[lang=vi]")!.TextContent.Trim());
        Assert.Equal(childName.Label.In("zh-Hant"), row.QuerySelector("td[lang=zh-Hant]")!.TextContent.Trim());
        Assert.Contains("Lâm Gia Huy", row.TextContent);

        var sex = review.QuerySelector("[data-testid='value-childSex']")!;
        Assert.Equal("Nam", sex.QuerySelector("[lang=vi]")!.TextContent.Trim());
        Assert.Equal("男", sex.QuerySelector("[lang=zh-Hant]")!.TextContent.Trim());
        Assert.Contains("12 Lê Lợi, Phường Chợ Lớn, Thành phố Hồ Chí Minh", review.QuerySelector("[data-testid='value-mother[0].motherResidence']")!.TextContent);

        Assert.Equal("•••••••••234", review.QuerySelector("[data-testid='value-mother[0].motherPersonalId']")!.TextContent.Trim());
        Assert.DoesNotContain("079195001234", review.DocumentElement.OuterHtml);
        Assert.Equal("true", review.QuerySelector("[data-testid=completeness]")!.GetAttribute("data-complete"));
        Assert.NotNull(review.QuerySelector("[data-print]"));
        Assert.Equal(3, InScope(app, db => db.DossierDrafts.Single()).CurrentStep);
    }

    [Fact]
    public async Task Editing_a_step_from_the_review_sheet_returns_to_the_review_sheet()
    {
        var (app, client, _, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var step = await StartAsync(client, visitPage, BirthRegistration);
        (_, step) = await SaveAsync(client, step, Child);
        (_, step) = await SaveAsync(client, step, Parents);
        var (_, review) = await SaveAsync(client, step, Filer);

        var editLink = review.QuerySelector("[data-testid=edit-1]")!.GetAttribute("href")!;
        var (_, first) = await client.GetAsync(editLink);
        var (_, back) = await SaveAsync(client, first, new Dictionary<string, string>(Child) { ["childFullName"] = "Lâm Gia Bảo" });

        Assert.Matches("^/desk/drafts/[0-9a-f-]+/review$", Path(back));
        Assert.Contains("Lâm Gia Bảo", back.QuerySelector("[data-testid='row-childFullName']")!.TextContent);
    }

    [Fact]
    public async Task A_draft_started_for_a_resident_continues_in_their_next_visit()
    {
        var (app, client, _, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var firstVisit = VisitId(visitPage);
        var resident = InScope(app, db => db.Visits.Single(v => v.Id == firstVisit).ResidentId!.Value);
        var step = await StartAsync(client, visitPage, BirthRegistration);
        await SaveAsync(client, step, Child);
        var (_, firstVisitAgain) = await client.GetAsync($"/desk/visits/{firstVisit}");
        await client.SubmitAsync(firstVisitAgain, "form[action*='handler=Close']", new Dictionary<string, string>
        {
            ["Input.Purpose"] = "FileDossier", ["Input.Language"] = "zh-Hant", ["Input.Outcome"] = "MissingPapers",
        });

        // The resident comes back with the missing papers.
        var (_, desk) = await client.GetAsync("/desk");
        var (_, secondVisitPage) = await client.SubmitAsync(desk, "form[action*='handler=StartVisit']");
        var secondVisit = Guid.Parse(new Uri(secondVisitPage.Url).Segments.Last());
        InScope(app, db => { db.Visits.Single(v => v.Id == secondVisit).ServeResident(resident); return db.SaveChanges(); });
        await app.GiveConsentAsync(secondVisit, [ConsentPurpose.FileProcedure], BirthRegistration);

        var (_, start) = await client.GetAsync($"/desk/visits/{secondVisit}/file");
        Assert.NotNull(start.QuerySelector($"[data-testid='earlier-{BirthRegistration}']"));
        var (_, resumed) = await client.SubmitAsync(start, $"[data-testid='earlier-{BirthRegistration}'] form");
        Assert.EndsWith("/steps/2", Path(resumed));
        Assert.Equal(secondVisit, InScope(app, db => db.DossierDrafts.Single()).VisitId);
        var (_, first) = await client.GetAsync(Path(resumed).Replace("/steps/2", "/steps/1"));
        Assert.Equal("Lâm Gia Huy", ValueOf(first, "childFullName"));
    }

    [Fact]
    public async Task Drafts_of_other_residents_are_not_offered_in_a_later_visit()
    {
        var (app, client, _, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var step = await StartAsync(client, visitPage, BirthRegistration);
        await SaveAsync(client, step, Child);

        var (_, desk) = await client.GetAsync("/desk");
        var (_, secondVisitPage) = await client.SubmitAsync(desk, "form[action*='handler=StartVisit']");
        var secondVisit = Guid.Parse(new Uri(secondVisitPage.Url).Segments.Last());
        await app.ServeConsentingResidentAsync(secondVisit, "Trương Thị Lan", null, BirthRegistration);
        var (_, start) = await client.GetAsync($"/desk/visits/{secondVisit}/file");
        Assert.Null(start.QuerySelector("[data-testid=earlier-drafts]"));
    }

    [Fact]
    public async Task The_review_sheet_names_the_resident_in_vietnamese_and_chinese_characters_side_by_side()
    {
        var (app, client, _, visitPage) = await OnShiftAsync("Lâm Văn Phúc", "林文福");
        await using var _app = app;
        var step = await StartAsync(client, visitPage, BirthRegistration);
        var (_, review) = await client.GetAsync(Path(step).Replace("/steps/1", "/review"));
        var person = review.QuerySelector("[data-testid=review-person]")!;
        Assert.Equal("Lâm Văn Phúc", person.QuerySelector("[lang=vi]")!.TextContent.Trim());
        Assert.Equal("林文福", person.QuerySelector("[data-testid=review-person-chinese]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Marriage_says_it_is_in_person_only_and_cannot_be_started()
    {
        var (app, client, _, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var (_, start) = await client.GetAsync(Path(visitPage) + "/file");
        Assert.NotNull(start.QuerySelector($"[data-testid='in-person-only-{Marriage}']"));

        var (_, refused) = await client.SubmitAsync(start, "[data-testid=start-form]", new Dictionary<string, string> { ["ProcedureCode"] = Marriage });

        Assert.Equal(ResourceFiles.Value("vi", "Error_ProxyNotAllowed"), refused.QuerySelector("[data-testid=filing-error]")!.TextContent.Trim());
        Assert.Equal(0, InScope(app, db => db.DossierDrafts.Count()));
    }

    [Fact]
    public async Task A_draft_of_another_volunteer_is_not_found()
    {
        var (app, client, _, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var step = await StartAsync(client, visitPage, BirthRegistration);

        var other = await app.CreateAsync(Roles.Volunteer);
        var pointId = InScope(app, db => db.ServicePoints.Single().Id);
        InScope(app, db => { db.PointAssignments.Add(new PointAssignment(pointId, other.UserId, DateTimeOffset.UtcNow)); return db.SaveChanges(); });
        var intruder = PageClient.For(app);
        await intruder.SignInAsync(other);
        var (_, desk) = await intruder.GetAsync("/desk");
        await intruder.SubmitAsync(desk, "form[action*='handler=CheckIn']");

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync(Path(step))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync(Path(step).Replace("/steps/1", "/review"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync(Path(visitPage) + "/file")).StatusCode);
    }

    [Fact]
    public async Task Off_shift_the_filing_pages_send_back_to_the_desk()
    {
        var (app, client, _, visitPage) = await OnShiftAsync();
        await using var _app = app;
        var step = await StartAsync(client, visitPage, BirthRegistration);
        var (_, desk) = await client.GetAsync("/desk");
        await client.SubmitAsync(desk, "form[action*='handler=CheckOut']");

        var noRedirects = PageClient.For(app, client.Cookies, followRedirects: false);
        foreach (var address in new[] { Path(step), Path(step).Replace("/steps/1", "/review"), Path(visitPage) + "/file" })
        {
            var response = await noRedirects.Http.GetAsync(address);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/desk", response.Headers.Location?.OriginalString);
        }
    }
}

public sealed class FilingTestsOnSqlite() : FilingTests(DatabaseProviderChoice.Sqlite);
public sealed class FilingTestsOnPostgres() : FilingTests(DatabaseProviderChoice.Postgres);
