using System.Text.Json.Nodes;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Procedures;
using static HelpDesk.Domain.Consents.ConsentPurpose;

namespace HelpDesk.Domain.Tests.Consents;

public sealed class ConsentTextRender
{
    private static readonly ConsentText Text = ConsentBuilder.ConsentText();

    [Fact]
    public void Names_the_point_and_ward_and_lists_only_the_chosen_purposes_with_procedures_in_the_requested_language()
    {
        var choices = ConsentBuilder.Choices(
            purposes: [Notify, FileProcedure],
            procedureNames: [ConsentBuilder.BirthRegistration, ConsentBuilder.DeathRegistration],
            durationId: "30-days", pointName: "Điểm TN01", wardName: "Phường Chợ Lớn");

        Assert.Equal(
            [
                "Consent form",
                "I agree that Điểm TN01 of Phường Chợ Lớn may process my data.",
                "☑ File for me: Birth registration; Death registration.",
                "☑ Send me messages.",
                "30 days",
                "I may withdraw this consent.",
            ],
            Text.Render(Cultures.English, choices));
    }

    [Fact]
    public void Renders_the_binding_vietnamese_with_vietnamese_procedure_names()
    {
        var lines = Text.Render(Cultures.Vietnamese, ConsentBuilder.Choices(purposes: [FileProcedure], procedureNames: [ConsentBuilder.BirthRegistration]));
        Assert.Contains("☑ Nộp thay tôi hồ sơ: Đăng ký khai sinh.", lines);
        Assert.Contains("Tôi đồng ý để Điểm TN01 của Phường Chợ Lớn xử lý dữ liệu của tôi.", lines);
    }
}

public sealed class ConsentTextHashOf
{
    private static readonly ConsentText Text = ConsentBuilder.ConsentText();
    private static readonly string Base = Text.HashOf(ConsentBuilder.Choices());

    public static TheoryData<string, ConsentChoices> OneChoiceChanged => new()
    {
        { "another purpose", ConsentBuilder.Choices(purposes: [FileProcedure, Notify, KeepScans]) },
        { "another procedure", ConsentBuilder.Choices(procedureNames: [ConsentBuilder.DeathRegistration]) },
        { "another duration", ConsentBuilder.Choices(durationId: "today") },
        { "another point", ConsentBuilder.Choices(pointName: "Điểm TN02") },
    };

    [Theory]
    [MemberData(nameof(OneChoiceChanged))]
    public void Changes_when_what_the_resident_read_changes(string change, ConsentChoices choices) =>
        Assert.True(Base != Text.HashOf(choices), $"the hash did not change with {change}");

    [Fact]
    public void Is_a_sha256_in_hex_and_stable_for_the_same_choices()
    {
        Assert.Matches("^[0-9a-f]{64}$", Base);
        Assert.Equal(Base, Text.HashOf(ConsentBuilder.Choices()));
    }

    [Fact]
    public void Does_not_depend_on_the_order_the_purposes_were_ticked() =>
        Assert.Equal(Base, Text.HashOf(ConsentBuilder.Choices(purposes: [Notify, FileProcedure])));

    [Fact]
    public void Hashes_only_the_binding_vietnamese_text()
    {
        var sameInVietnamese = ConsentBuilder.Text("Đăng ký khai sinh", "Registering a birth");
        Assert.Equal(Base, Text.HashOf(ConsentBuilder.Choices(procedureNames: [sameInVietnamese])));
    }

    [Fact]
    public void Differs_between_versions_with_the_same_wording() =>
        Assert.NotEqual(Base, ConsentBuilder.ConsentText("2026.2").HashOf(ConsentBuilder.Choices()));
}

public sealed class ConsentTextsCurrent
{
    [Fact]
    public void Is_the_highest_version_compared_as_numbers_not_as_text()
    {
        var texts = new ConsentTexts([ConsentBuilder.ConsentText("2026.9"), ConsentBuilder.ConsentText("2026.10"), ConsentBuilder.ConsentText("2026.2")]);
        Assert.Equal("2026.10", texts.Current.Version);
    }

    [Fact]
    public void Is_the_newest_year_before_any_number_of_an_older_year()
    {
        var texts = new ConsentTexts([ConsentBuilder.ConsentText("2027.1"), ConsentBuilder.ConsentText("2026.12")]);
        Assert.Equal("2027.1", texts.Current.Version);
    }

    [Fact]
    public void Keeps_older_versions_findable_for_the_consents_given_under_them()
    {
        var texts = new ConsentTexts([ConsentBuilder.ConsentText("2026.1"), ConsentBuilder.ConsentText("2026.2")]);
        Assert.Equal("2026.1", texts.Find("2026.1")?.Version);
        Assert.Null(texts.Find("2025.1"));
    }
}

public sealed class ConsentTextLoaderRepositoryContent
{
    private static readonly string Folder = Path.Combine(FindRoot(), "content", "consent");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HelpDesk.sln"))) return dir.FullName;
        throw new InvalidOperationException("HelpDesk.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_published_text_loads_and_words_every_purpose()
    {
        var text = ConsentTextLoader.LoadFile(Path.Combine(Folder, "2026.1.json"));
        Assert.Equal("2026.1", text.Version);
        Assert.Equal(ConsentPurpose.All.Order(), text.Purposes.Select(p => p.Id).Order());
    }

    [Fact]
    public void Every_language_of_the_published_texts_fills_in_every_placeholder()
    {
        var texts = ConsentTextLoader.LoadDirectory(Folder);
        var choices = new ConsentChoices(ConsentPurpose.All, [ConsentBuilder.BirthRegistration], texts.Current.Durations[0].Id, "Điểm TN01", "Phường Chợ Lớn");
        foreach (var culture in Cultures.All)
        {
            var lines = texts.Current.Render(culture, choices);
            Assert.DoesNotContain(lines, line => line.Contains('{') || line.Contains('}'));
            Assert.Contains(lines, line => line.Contains("Phường Chợ Lớn") && line.Contains("Điểm TN01"));
        }
    }
}

/// <summary>A bad consent file stops start-up with a message naming the file, the place and the problem.</summary>
public sealed class ConsentTextLoaderLoadFile : IDisposable
{
    private const string FileName = "2026.1.json";
    private readonly string _folder = Directory.CreateTempSubdirectory("consent-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonObject Text(string vi) => new() { ["vi"] = vi, ["zh-Hans"] = vi + "（简）", ["zh-Hant"] = vi + "（繁）", ["en"] = vi + " (en)" };

    private static JsonObject Valid() => new()
    {
        ["version"] = "2026.1",
        ["title"] = Text("Phiếu đồng ý"),
        ["statement"] = Text("Tôi đồng ý để {point} của {ward} xử lý dữ liệu của tôi."),
        ["purposes"] = new JsonArray([.. ConsentPurpose.All.Select(id => new JsonObject
        {
            ["id"] = id,
            ["text"] = Text(id == FileProcedure ? "Nộp thay tôi hồ sơ: {procedures}." : "Mục đích " + id),
        })]),
        ["durations"] = new JsonArray(
            new JsonObject { ["id"] = "today", ["days"] = 0, ["label"] = Text("Chỉ hôm nay") },
            new JsonObject { ["id"] = "30-days", ["days"] = 30, ["label"] = Text("30 ngày") }),
        ["rights"] = Text("Tôi có quyền rút lại sự đồng ý."),
        ["explanationNote"] = Text("Bản tiếng Việt có giá trị pháp lý."),
    };

    private string Write(string content)
    {
        var file = Path.Combine(_folder, FileName);
        File.WriteAllText(file, content);
        return file;
    }

    private ContentException Refused(Action<JsonObject> breakIt)
    {
        var json = Valid();
        breakIt(json);
        return Assert.Throws<ContentException>(() => ConsentTextLoader.LoadFile(Write(json.ToJsonString())));
    }

    private static JsonObject Purpose(JsonObject json, string id) =>
        json["purposes"]!.AsArray().Select(p => p!.AsObject()).Single(p => (string?)p["id"] == id);

    [Fact]
    public void Loads_a_valid_file()
    {
        var text = ConsentTextLoader.LoadFile(Write(Valid().ToJsonString()));
        Assert.Equal("2026.1", text.Version);
        Assert.Equal(ConsentPurpose.All, text.Purposes.Select(p => p.Id));
        Assert.Equal([("today", 0), ("30-days", 30)], text.Durations.Select(d => (d.Id, d.Days)));
        Assert.Equal("Phiếu đồng ý（繁）", text.Title.In(Cultures.TraditionalChinese));
    }

    [Fact]
    public void Reports_invalid_json_with_the_file_and_line()
    {
        var error = Assert.Throws<ContentException>(() => ConsentTextLoader.LoadFile(Write("{\n  \"version\": \"2026.1\",\n  oops\n}")));
        Assert.Equal((FileName, "line 3"), (error.File, error.Path));
        Assert.StartsWith("not valid JSON", error.Problem);
    }

    [Fact]
    public void Names_the_file_the_place_and_the_missing_translation()
    {
        var error = Refused(json => json["title"]!.AsObject().Remove("zh-Hant"));
        Assert.Equal((FileName, "$.title.zh-Hant", "translation missing"), (error.File, error.Path, error.Problem));
        Assert.Equal("2026.1.json: $.title.zh-Hant: translation missing", error.Message);
    }

    [Fact]
    public void Refuses_a_statement_that_does_not_name_the_ward()
    {
        var error = Refused(json => json["statement"]!["en"] = "I agree that {point} may process my data.");
        Assert.Equal((FileName, "$.statement.en", "must contain {ward}"), (error.File, error.Path, error.Problem));
    }

    [Fact]
    public void Refuses_a_filing_purpose_that_does_not_list_the_procedures()
    {
        var error = Refused(json => Purpose(json, FileProcedure)["text"]!["vi"] = "Nộp thay tôi hồ sơ.");
        Assert.Equal((FileName, "$.purposes[1].text.vi", "must contain {procedures}"), (error.File, error.Path, error.Problem));
    }

    [Fact]
    public void Refuses_a_purpose_that_is_not_one_of_the_fixed_ones()
    {
        var error = Refused(json => json["purposes"]!.AsArray().Add(new JsonObject { ["id"] = "sell-data", ["text"] = Text("Bán dữ liệu") }));
        Assert.Equal((FileName, "$.purposes[5].id"), (error.File, error.Path));
        Assert.StartsWith("'sell-data' is not one of: create-account, file-procedure", error.Problem);
    }

    [Fact]
    public void Refuses_a_file_without_the_text_of_a_fixed_purpose()
    {
        var error = Refused(json => json["purposes"]!.AsArray().Remove(Purpose(json, Notify)));
        Assert.Equal((FileName, "$.purposes", "the purpose 'notify' has no text"), (error.File, error.Path, error.Problem));
    }

    [Fact]
    public void Refuses_a_version_that_does_not_match_the_file_name()
    {
        var error = Refused(json => json["version"] = "2026.2");
        Assert.Equal((FileName, "$.version"), (error.File, error.Path));
        Assert.Contains("does not match the file name", error.Problem);
    }

    [Fact]
    public void Refuses_a_negative_number_of_days()
    {
        var error = Refused(json => json["durations"]![1]!["days"] = -1);
        Assert.Equal((FileName, "$.durations[1].days"), (error.File, error.Path));
        Assert.Contains("between 0", error.Problem);
    }

    [Fact]
    public void Refuses_an_unknown_property_so_typos_are_caught()
    {
        var error = Refused(json => Purpose(json, KeepScans)["txt"] = "Lưu ảnh");
        Assert.Equal((FileName, "$.purposes[2].txt"), (error.File, error.Path));
        Assert.StartsWith("unknown property", error.Problem);
    }
}
