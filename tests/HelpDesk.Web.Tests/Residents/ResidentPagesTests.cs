using System.Net;
using AngleSharp.Html.Dom;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Places;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Residents;

/// <summary>Finding or registering the resident of a visit at the desk: ward-scoped search, duplicates, and ID numbers kept out of addresses.</summary>
public abstract class ResidentPagesTests(DatabaseProviderChoice choice)
{
    private const string IdNumber = "079090012345";
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    private static readonly Dictionary<string, string> Bao = new()
    {
        ["Input.FullName"] = "Nguyễn Văn Bảo",
        ["Input.ChineseName"] = "阮文寶",
        ["Input.DateOfBirth"] = "01/05/1990",
        ["Input.Sex"] = "Male",
        ["Input.PersonalIdNumber"] = IdNumber,
        ["Input.Phone"] = "0912 345 678",
        ["Input.PreferredLanguage"] = Cultures.TraditionalChinese,
    };

    private sealed record Desk(HelpDeskApp App, PageClient Client, Guid WardId, IHtmlDocument VisitPage, List<string> Addresses)
    {
        public Guid VisitId => Guid.Parse(new Uri(VisitPage.Url).AbsolutePath.Split('/')[^1]);

        /// <summary>Remembers every address the pages led to or link to, to check what reaches a URL.</summary>
        public IHtmlDocument Seen((HttpResponseMessage Response, IHtmlDocument Document) result)
        {
            Addresses.Add(result.Response.RequestMessage!.RequestUri!.ToString());
            Addresses.AddRange(result.Document.QuerySelectorAll("[href],[action],[src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("action") ?? e.GetAttribute("src") ?? ""));
            return result.Document;
        }
    }

    private async Task<Desk> OnShiftAsync()
    {
        var app = new HelpDeskApp(choice.Provider);
        app.SetClock(During);
        var account = await app.CreateAsync(Roles.Volunteer);
        var point = await app.CreatePointAsync("TN01", account.UserId);
        var client = PageClient.For(app);
        await client.SignInAsync(account);
        var (_, desk) = await client.GetAsync("/desk");
        (_, desk) = await client.SubmitAsync(desk, "form[action*='handler=CheckIn']");
        var (_, visit) = await client.SubmitAsync(desk, "form[action*='handler=StartVisit']");
        Assert.Contains("/desk/visits/", visit.Url);
        return new Desk(app, client, point.WardId, visit, []);
    }

    private static async Task<IHtmlDocument> FindPageAsync(Desk desk)
    {
        var link = desk.VisitPage.QuerySelector("[data-testid=find-resident]")!.GetAttribute("href")!;
        return desk.Seen(await desk.Client.GetAsync(link));
    }

    private static async Task<IHtmlDocument> NewPageAsync(Desk desk)
    {
        var find = await FindPageAsync(desk);
        return desk.Seen(await desk.Client.GetAsync(find.QuerySelector("[data-testid=register-new]")!.GetAttribute("href")!));
    }

    private static async Task<IHtmlDocument> SubmitNewAsync(Desk desk, IReadOnlyDictionary<string, string> values) =>
        desk.Seen(await desk.Client.SubmitAsync(await NewPageAsync(desk), "[data-testid=resident-form]", values));

    private static async Task<IHtmlDocument> SearchAsync(Desk desk, string query) =>
        desk.Seen(await desk.Client.SubmitAsync(await FindPageAsync(desk), "[data-testid=search-form]", new Dictionary<string, string> { ["Q"] = query }));

    private static async Task<Resident> SeedAsync(HelpDeskApp app, Guid wardId, ResidentDetails details)
    {
        using var scope = app.Services.CreateScope();
        var resident = await scope.ServiceProvider.GetRequiredService<ResidentRegister>().RegisterAsync(details, wardId, "volunteer-0");
        await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().SaveChangesAsync();
        return resident;
    }

    private static T InScope<T>(HelpDeskApp app, Func<HelpDeskDbContext, T> read)
    {
        using var scope = app.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>());
    }

    private static string PathOf(IHtmlDocument page) => new Uri(page.Url).AbsolutePath;

    [Fact]
    public async Task Registering_a_resident_from_a_visit_saves_them_and_attaches_them_to_the_visit()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;

        var visitPage = await SubmitNewAsync(desk, Bao);

        Assert.Equal($"/desk/visits/{desk.VisitId}", PathOf(visitPage));
        Assert.Equal("Nguyễn Văn Bảo", visitPage.QuerySelector("[data-testid=resident-name]")!.TextContent.Trim());
        Assert.Equal("•••••••••345", visitPage.QuerySelector("[data-testid=resident-id]")!.TextContent.Trim());
        var resident = InScope(desk.App, db => db.Residents.Single());
        Assert.Equal(desk.WardId, resident.WardId);
        Assert.Equal("0912345678", resident.Phone);
        Assert.Equal(Cultures.TraditionalChinese, resident.PreferredLanguage);
        Assert.Equal(resident.Id, InScope(desk.App, db => db.Visits.Single(v => v.Id == desk.VisitId).ResidentId));
    }

    [Fact]
    public async Task Searching_a_name_without_diacritics_finds_the_resident_and_attaches_them()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        var bao = await SeedAsync(desk.App, desk.WardId, new("Nguyễn Văn Bảo", "阮文寶", new DateOnly(1990, 5, 1), Sex.Male, IdNumber, "0912345678", Cultures.TraditionalChinese));

        var results = await SearchAsync(desk, "nguyen van bao");

        var result = Assert.Single(results.QuerySelectorAll("[data-testid=result]"));
        Assert.Equal("Nguyễn Văn Bảo", result.QuerySelector("[data-testid=result-name]")!.TextContent.Trim());
        Assert.Contains("01/05/1990", result.TextContent);
        Assert.Contains("阮文寶", result.TextContent);
        Assert.Contains("•••••••678", result.TextContent);
        Assert.DoesNotContain("0912345678", result.TextContent);
        Assert.DoesNotContain(IdNumber, results.Body!.InnerHtml);

        var visitPage = desk.Seen(await desk.Client.SubmitAsync(results, "[data-testid=result] form"));

        Assert.Equal($"/desk/visits/{desk.VisitId}", PathOf(visitPage));
        Assert.Equal("Nguyễn Văn Bảo", visitPage.QuerySelector("[data-testid=resident-name]")!.TextContent.Trim());
        Assert.Equal(bao.Id, InScope(desk.App, db => db.Visits.Single(v => v.Id == desk.VisitId).ResidentId));
    }

    [Fact]
    public async Task A_search_is_audited_by_its_kind_and_count_never_by_what_was_typed()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        await SubmitNewAsync(desk, Bao);

        await SearchAsync(desk, IdNumber);
        await SearchAsync(desk, "nguyen van");

        var searches = InScope(desk.App, db => db.AuditEvents.Where(e => e.Action == HelpDesk.Domain.Audit.AuditActions.ResidentSearched).OrderBy(e => e.Sequence).ToList());
        Assert.Equal(["id:1", "name:1"], searches.Select(e => e.Detail));
        var everything = InScope(desk.App, db => db.AuditEvents.ToList());
        Assert.DoesNotContain(everything, e => $"{e.Subject} {e.Detail}".Contains("079090") || $"{e.Subject} {e.Detail}".Contains("nguyen"));
        var registered = Assert.Single(everything, e => e.Action == HelpDesk.Domain.Audit.AuditActions.ResidentRegistered);
        Assert.Equal(InScope(desk.App, db => db.Residents.Single().Id), registered.ResidentId);
    }

    [Fact]
    public async Task The_id_number_reaches_no_address_and_is_shown_only_masked()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;

        var visitPage = await SubmitNewAsync(desk, Bao);
        var byId = await SearchAsync(desk, IdNumber);
        var reloaded = desk.Seen(await desk.Client.GetAsync(PathOf(visitPage)));

        Assert.Single(byId.QuerySelectorAll("[data-testid=result]"));
        Assert.NotEmpty(desk.Addresses);
        Assert.DoesNotContain(desk.Addresses, address => address.Contains(IdNumber) || address.Contains("079090"));
        foreach (var page in new[] { visitPage, reloaded })
        {
            Assert.DoesNotContain(IdNumber, page.Body!.InnerHtml);
            Assert.Contains("•••••••••345", page.Body!.TextContent);
        }
        Assert.DoesNotContain(IdNumber, byId.QuerySelector("[data-testid=results]")!.InnerHtml);
    }

    [Fact]
    public async Task An_id_number_already_registered_is_refused_with_a_localised_message_and_nothing_is_saved()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        await SeedAsync(desk.App, desk.WardId, new("Trần Văn Long", null, new DateOnly(1990, 5, 1), Sex.Male, IdNumber, null, Cultures.Vietnamese));

        var refused = await SubmitNewAsync(desk, Bao);

        Assert.EndsWith("/resident/new", PathOf(refused));
        Assert.Equal(ResourceFiles.Value("vi", "Error_ResidentIdTaken"), refused.QuerySelector("[data-testid=error-PersonalIdNumber]")!.TextContent.Trim());
        Assert.Equal("true", refused.QuerySelector("#r-PersonalIdNumber")!.GetAttribute("aria-invalid"));
        Assert.Equal("Nguyễn Văn Bảo", (refused.QuerySelector("#r-FullName") as IHtmlInputElement)!.Value);
        Assert.Equal(1, InScope(desk.App, db => db.Residents.Count()));
        Assert.Null(InScope(desk.App, db => db.Visits.Single(v => v.Id == desk.VisitId).ResidentId));
    }

    [Fact]
    public async Task A_similar_name_with_the_same_birth_date_needs_confirmation_before_registering()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        await SeedAsync(desk.App, desk.WardId, new("Nguyễn Văn Bảo", null, new DateOnly(1990, 5, 1), Sex.Male, null, null, Cultures.Vietnamese));
        var unaccented = new Dictionary<string, string>(Bao) { ["Input.FullName"] = "Nguyen Van Bao", ["Input.PersonalIdNumber"] = "" };

        var warned = await SubmitNewAsync(desk, unaccented);

        Assert.EndsWith("/resident/new", PathOf(warned));
        Assert.Single(warned.QuerySelectorAll("[data-testid=similar-resident]"));
        Assert.Equal(1, InScope(desk.App, db => db.Residents.Count()));

        var visitPage = desk.Seen(await desk.Client.SubmitAsync(warned, "[data-testid=resident-form]", new Dictionary<string, string> { ["Input.DifferentPerson"] = "true" }));

        Assert.Equal($"/desk/visits/{desk.VisitId}", PathOf(visitPage));
        Assert.Equal(2, InScope(desk.App, db => db.Residents.Count()));
        Assert.Equal("Nguyen Van Bao", visitPage.QuerySelector("[data-testid=resident-name]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_similar_resident_shown_in_the_warning_can_be_chosen_instead()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        var bao = await SeedAsync(desk.App, desk.WardId, new("Nguyễn Văn Bảo", null, new DateOnly(1990, 5, 1), Sex.Male, null, null, Cultures.Vietnamese));
        var warned = await SubmitNewAsync(desk, new Dictionary<string, string>(Bao) { ["Input.PersonalIdNumber"] = "" });

        var visitPage = desk.Seen(await desk.Client.SubmitAsync(warned, "[data-testid=similar-resident] form"));

        Assert.Equal($"/desk/visits/{desk.VisitId}", PathOf(visitPage));
        Assert.Equal(1, InScope(desk.App, db => db.Residents.Count()));
        Assert.Equal(bao.Id, InScope(desk.App, db => db.Visits.Single(v => v.Id == desk.VisitId).ResidentId));
    }

    [Fact]
    public async Task A_resident_of_another_ward_is_not_found()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        var otherWard = InScope(desk.App, db =>
        {
            var ward = new Ward("Phường Bến Thành", "Thành phố Hồ Chí Minh");
            db.Wards.Add(ward);
            db.SaveChanges();
            return ward.Id;
        });
        var stranger = await SeedAsync(desk.App, otherWard, new("Nguyễn Văn Bảo", null, new DateOnly(1990, 5, 1), Sex.Male, IdNumber, "0912345678", Cultures.Vietnamese));

        foreach (var query in new[] { "nguyen van bao", IdNumber, "0912345678" })
            Assert.NotNull((await SearchAsync(desk, query)).QuerySelector("[data-testid=no-results]"));

        var find = await FindPageAsync(desk);
        var choose = await desk.Client.Http.PostAsync($"{PathOf(find)}?handler=Choose&residentId={stranger.Id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", (find.QuerySelector("[name=__RequestVerificationToken]") as IHtmlInputElement)!.Value)]));
        Assert.Equal(HttpStatusCode.NotFound, choose.StatusCode);
        Assert.Null(InScope(desk.App, db => db.Visits.Single(v => v.Id == desk.VisitId).ResidentId));
    }

    [Fact]
    public async Task Off_shift_the_resident_pages_send_back_to_the_desk()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        var (_, deskPage) = await desk.Client.GetAsync("/desk");
        await desk.Client.SubmitAsync(deskPage, "form[action*='handler=CheckOut']");

        var noRedirects = PageClient.For(desk.App, desk.Client.Cookies, followRedirects: false);
        foreach (var address in new[] { $"/desk/visits/{desk.VisitId}/resident", $"/desk/visits/{desk.VisitId}/resident/new" })
        {
            var response = await noRedirects.Http.GetAsync(address);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/desk", response.Headers.Location?.OriginalString);
        }
    }
}

public sealed class ResidentPagesTestsOnSqlite() : ResidentPagesTests(DatabaseProviderChoice.Sqlite);
public sealed class ResidentPagesTestsOnPostgres() : ResidentPagesTests(DatabaseProviderChoice.Postgres);
