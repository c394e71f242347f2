using System.Text.Json.Nodes;
using HelpDesk.Domain.Procedures;

namespace HelpDesk.Domain.Tests.Procedures;

/// <summary>A bad content file stops start-up with a message naming the file, the place and the problem.</summary>
public sealed class ProcedureLoaderLoadFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("procedures-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonObject Text(string vi) => new() { ["vi"] = vi, ["zh-Hans"] = vi + "（简）", ["zh-Hant"] = vi + "（繁）", ["en"] = vi + " (en)" };

    private static JsonObject Valid() => new()
    {
        ["code"] = "1.001193",
        ["slug"] = "birth-registration",
        ["name"] = Text("Đăng ký khai sinh"),
        ["summary"] = Text("Khai sinh cho trẻ"),
        ["authority"] = Text("UBND phường"),
        ["timeLimit"] = new JsonObject { ["kind"] = "sameDay" },
        ["fee"] = Text("Miễn phí"),
        ["proxy"] = new JsonObject { ["allowed"] = true },
        ["documents"] = new JsonArray(new JsonObject
        {
            ["id"] = "birthCertificate", ["name"] = Text("Giấy chứng sinh"), ["form"] = "original", ["required"] = true,
        }),
        ["steps"] = new JsonArray(new JsonObject
        {
            ["id"] = "child",
            ["title"] = Text("Người được khai sinh"),
            ["fields"] = new JsonArray(
                new JsonObject { ["id"] = "fullName", ["type"] = "personName", ["required"] = true, ["label"] = Text("Họ, chữ đệm và tên") },
                new JsonObject
                {
                    ["id"] = "sex", ["type"] = "select", ["required"] = true, ["label"] = Text("Giới tính"),
                    ["options"] = new JsonArray(
                        new JsonObject { ["value"] = "male", ["label"] = Text("Nam") },
                        new JsonObject { ["value"] = "female", ["label"] = Text("Nữ") }),
                },
                new JsonObject
                {
                    ["id"] = "father", ["type"] = "personBlock", ["required"] = false, ["label"] = Text("Cha"), ["maxItems"] = 1,
                    ["fields"] = new JsonArray(new JsonObject { ["id"] = "fullName", ["type"] = "personName", ["required"] = true, ["label"] = Text("Họ tên") }),
                }),
        }),
    };

    private ContentException Refused(Action<JsonObject> breakIt)
    {
        var json = Valid();
        breakIt(json);
        var file = Path.Combine(_folder, "birth-registration.json");
        File.WriteAllText(file, json.ToJsonString());
        return Assert.Throws<ContentException>(() => ProcedureLoader.LoadFile(file));
    }

    private static JsonObject FirstField(JsonObject json) => (JsonObject)json["steps"]![0]!["fields"]![0]!;

    [Fact]
    public void Loads_a_valid_file_with_every_part()
    {
        var file = Path.Combine(_folder, "birth-registration.json");
        File.WriteAllText(file, Valid().ToJsonString());
        var procedure = ProcedureLoader.LoadFile(file);
        Assert.Equal("1.001193", procedure.Code);
        Assert.Equal("Đăng ký khai sinh（繁）", procedure.Name.In(Cultures.TraditionalChinese));
        Assert.Equal(TimeLimit.SameDay, procedure.TimeLimit);
        Assert.Equal(3, procedure.AllFields.Count());
        Assert.Equal(FieldType.PersonBlock, procedure.AllFields.Last().Type);
        Assert.Equal(1, procedure.AllFields.Last().MaxItems);
    }

    [Fact]
    public void Names_the_file_the_field_and_the_missing_translation()
    {
        var error = Refused(json => ((JsonObject)FirstField(json)["label"]!).Remove("zh-Hant"));
        Assert.Equal("birth-registration.json", error.File);
        Assert.Equal("$.steps[0].fields[0].label.zh-Hant", error.Path);
        Assert.Equal("translation missing", error.Problem);
        Assert.StartsWith("birth-registration.json: $.steps[0].fields[0].label.zh-Hant:", error.Message);
    }

    [Fact]
    public void Refuses_an_unknown_property_so_typos_are_caught() =>
        Assert.Equal("$.steps[0].fields[0].requried", Refused(json => FirstField(json)["requried"] = true).Path);

    [Fact]
    public void Refuses_an_unknown_field_type() =>
        Assert.Contains("'photo' is not one of", Refused(json => FirstField(json)["type"] = "photo").Problem);

    [Fact]
    public void Refuses_a_malformed_procedure_code() =>
        Assert.Equal("$.code", Refused(json => json["code"] = "1001193").Path);

    [Fact]
    public void Refuses_a_select_without_options() =>
        Assert.Equal("$.steps[0].fields[1].options", Refused(json => ((JsonObject)json["steps"]![0]!["fields"]![1]!).Remove("options")).Path);

    [Fact]
    public void Refuses_duplicate_field_ids() =>
        Assert.Contains("'fullName' is used twice", Refused(json => ((JsonObject)json["steps"]![0]!["fields"]![1]!)["id"] = "fullName").Problem);

    [Fact]
    public void Refuses_working_days_without_a_count() =>
        Assert.Equal("$.timeLimit.value", Refused(json => json["timeLimit"] = new JsonObject { ["kind"] = "workingDays" }).Path);

    [Fact]
    public void Refuses_a_nested_person_block() =>
        Assert.Contains("cannot contain another personBlock", Refused(json =>
            ((JsonArray)json["steps"]![0]!["fields"]![2]!["fields"]!).Add(new JsonObject
            {
                ["id"] = "child", ["type"] = "personBlock", ["required"] = false, ["label"] = Text("Con"),
                ["fields"] = new JsonArray(new JsonObject { ["id"] = "n", ["type"] = "text", ["required"] = true, ["label"] = Text("n") }),
            })).Problem);

    [Fact]
    public void Refuses_a_document_form_it_does_not_know() =>
        Assert.Equal("$.documents[0].form", Refused(json => json["documents"]![0]!["form"] = "scan").Path);

    [Fact]
    public void Reports_broken_json_with_its_line()
    {
        var file = Path.Combine(_folder, "broken.json");
        File.WriteAllText(file, "{\n  \"code\": \"1.001193\",\n  oops\n}");
        var error = Assert.Throws<ContentException>(() => ProcedureLoader.LoadFile(file));
        Assert.Equal("broken.json", error.File);
        Assert.Equal("line 3", error.Path);
    }

    [Fact]
    public void Refuses_two_files_with_the_same_code()
    {
        File.WriteAllText(Path.Combine(_folder, "a.json"), Valid().ToJsonString());
        var other = Valid();
        other["slug"] = "birth-registration-again";
        File.WriteAllText(Path.Combine(_folder, "b.json"), other.ToJsonString());
        Assert.Contains("'1.001193' is used by more than one procedure", Assert.Throws<ContentException>(() => ProcedureLoader.LoadDirectory(_folder)).Problem);
    }
}
