using System.Net;
using HelpDesk.Domain;
using HelpDesk.Domain.Procedures;
using HelpDesk.Testing;
using HelpDesk.Web.Tests.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Procedures;

/// <summary>The real content files load, and the public catalog tells a resident what to bring, in their language.</summary>
public sealed class CatalogTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>The procedures of shared/domain/vietnam-facts.md §2, by national code.</summary>
    public static TheoryData<string> RequiredCodes =>
    [
        "1.001193", "1.000656", "1.000894", "1.004873", "2.000635", "1.004222",
        "1.004194", "2.000815", "1.001612", "1.001266", "1.013225", "2.000986",
    ];

    private ProcedureCatalog Catalog => app.Services.GetRequiredService<ProcedureCatalog>();

    [Theory]
    [MemberData(nameof(RequiredCodes))]
    public void Every_procedure_of_the_brief_is_in_the_catalog_with_a_form(string code)
    {
        var procedure = Catalog.FindByCode(code);
        Assert.NotNull(procedure);
        Assert.NotEmpty(procedure.Steps);
        Assert.NotEmpty(procedure.Documents);
    }

    [Fact]
    public void Marriage_cannot_be_filed_by_proxy() =>
        Assert.False(Catalog.FindByCode("1.000894")!.Proxy.Allowed);

    [Fact]
    public void Every_content_file_in_the_repository_loads() =>
        Assert.Equal(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "content", "procedures"), "*.json").Length,
            ProcedureLoader.LoadDirectory(Path.Combine(RepositoryPaths.Root, "content", "procedures")).All.Count);

    [Theory]
    [MemberData(nameof(ResourceParityTests.Cultures_), MemberType = typeof(ResourceParityTests))]
    public async Task The_catalog_lists_every_procedure_in_the_visitors_language(string culture)
    {
        var (response, page) = await PageClient.For(app).GetAsync($"/procedures?culture={culture}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = page.QuerySelectorAll("[data-testid=procedures] li > a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(Catalog.All.Select(p => p.Name.In(culture)), names);
    }

    [Fact]
    public async Task A_procedure_page_lists_the_papers_in_chinese_with_the_vietnamese_name_beside()
    {
        var birth = Catalog.FindByCode("1.001193")!;
        var (_, page) = await PageClient.For(app).GetAsync($"/procedures/{birth.Slug}?culture=zh-Hant");
        Assert.Equal(birth.Name.In(Cultures.TraditionalChinese), page.QuerySelector("h1")?.TextContent.Trim());
        var rows = page.QuerySelectorAll("[data-testid=documents] tbody tr").ToList();
        Assert.Equal(birth.Documents.Count, rows.Count);
        var first = rows[0].QuerySelector("td")!;
        Assert.Contains(birth.Documents[0].Name.In(Cultures.TraditionalChinese), first.TextContent);
        Assert.Equal(birth.Documents[0].Name.Vietnamese, first.QuerySelector(".vi-name[lang=vi]")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_marriage_page_says_both_people_must_come()
    {
        var marriage = Catalog.FindByCode("1.000894")!;
        var (_, page) = await PageClient.For(app).GetAsync($"/procedures/{marriage.Slug}?culture=vi");
        Assert.NotNull(page.QuerySelector("[data-testid=in-person-only]"));
    }

    [Fact]
    public async Task Working_day_limits_read_in_the_visitors_language()
    {
        var business = Catalog.FindByCode("1.001612")!;
        Assert.Equal(TimeLimitKind.WorkingDays, business.TimeLimit.Kind);
        var (_, page) = await PageClient.For(app).GetAsync($"/procedures/{business.Slug}?culture=zh-Hans");
        Assert.Equal(string.Format(ResourceFiles.Value("zh-Hans", "Procedures_WorkingDays"), business.TimeLimit.Value),
            page.QuerySelector("[data-testid=time-limit]")?.TextContent.Trim());
    }

    [Fact]
    public async Task An_unknown_procedure_answers_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await PageClient.For(app).Http.GetAsync("/procedures/no-such-thing")).StatusCode);
}

public sealed class BadContentTests
{
    [Fact]
    public async Task A_bad_content_file_stops_start_up_naming_the_file_and_the_problem()
    {
        var content = Directory.CreateTempSubdirectory("bad-content-").FullName;
        Directory.CreateDirectory(Path.Combine(content, "procedures"));
        File.WriteAllText(Path.Combine(content, "procedures", "broken.json"), """{ "code": "1.001193" }""");
        try
        {
            await using var app = new HelpDeskApp(settings: new Dictionary<string, string?> { ["HelpDesk:ContentDirectory"] = content });
            var error = Assert.ThrowsAny<Exception>(() => app.Services);
            var content_ = Assert.IsType<ContentException>(error is ContentException ? error : error.InnerException ?? error.GetBaseException());
            Assert.Equal("broken.json", content_.File);
            Assert.Equal("$.slug", content_.Path);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }
}
