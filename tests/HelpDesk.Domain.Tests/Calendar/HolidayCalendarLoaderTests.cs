using System.Text.Json.Nodes;
using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Procedures;

namespace HelpDesk.Domain.Tests.Calendar;

/// <summary>A bad holidays file stops start-up with a message naming the file, the place and the problem.</summary>
public sealed class HolidayCalendarLoaderLoadFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("holidays-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonObject Text(string vi) => new() { ["vi"] = vi, ["zh-Hans"] = vi + "（简）", ["zh-Hant"] = vi + "（繁）", ["en"] = vi + " (en)" };

    private static JsonObject Day(string date, string name) => new() { ["date"] = date, ["name"] = Text(name) };

    private static JsonObject Valid() => new()
    {
        ["year"] = 2026,
        ["source"] = "Công văn 12729/VPCP-KGVX",
        ["daysOff"] = new JsonArray(Day("2026-01-01", "Tết Dương lịch"), Day("2026-01-02", "Nghỉ hoán đổi")),
        ["workingWeekendDays"] = new JsonArray(Day("2026-01-10", "Làm bù")),
    };

    private string Write(JsonObject json, string name = "2026.json")
    {
        var file = Path.Combine(_folder, name);
        File.WriteAllText(file, json.ToJsonString());
        return file;
    }

    private ContentException Refused(Action<JsonObject> breakIt, string name = "2026.json")
    {
        var json = Valid();
        breakIt(json);
        return Assert.Throws<ContentException>(() => HolidayCalendarLoader.LoadFile(Write(json, name)));
    }

    [Fact]
    public void Loads_a_valid_file()
    {
        var year = HolidayCalendarLoader.LoadFile(Write(Valid()));
        Assert.Equal(2026, year.Year);
        Assert.True(year.IsPublished);
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2)], year.DaysOff.Select(d => d.Date));
        Assert.Equal("Làm bù（繁）", year.WorkingWeekendDays.Single().Name!.In(Cultures.TraditionalChinese));
    }

    [Fact]
    public void Refuses_a_year_that_does_not_match_the_file_name()
    {
        var error = Refused(json => json["year"] = 2025);
        Assert.Equal("2026.json", error.File);
        Assert.Equal("$.year", error.Path);
    }

    [Fact]
    public void Refuses_a_file_not_named_after_a_year() =>
        Assert.Contains("named after its year", Refused(_ => { }, "holidays-2026.json").Problem);

    [Fact]
    public void Refuses_a_date_outside_the_year() =>
        Assert.Equal("$.daysOff[1].date", Refused(json => json["daysOff"]![1]!["date"] = "2027-01-02").Path);

    [Fact]
    public void Refuses_a_date_in_another_format() =>
        Assert.Equal("$.daysOff[0].date", Refused(json => json["daysOff"]![0]!["date"] = "01/01/2026").Path);

    [Fact]
    public void Refuses_a_day_off_on_a_weekend_so_the_substitute_day_is_not_forgotten() =>
        Assert.Contains("already a rest day", Refused(json => json["daysOff"]![1]!["date"] = "2026-04-26").Problem);

    [Fact]
    public void Refuses_a_make_up_day_that_is_not_a_weekend_day() =>
        Assert.Equal("$.workingWeekendDays[0].date", Refused(json => json["workingWeekendDays"]![0]!["date"] = "2026-01-09").Path);

    [Fact]
    public void Refuses_a_date_listed_twice() =>
        Assert.Contains("listed twice", Refused(json => json["daysOff"]![1]!["date"] = "2026-01-01").Problem);

    [Fact]
    public void Names_the_missing_translation() =>
        Assert.Equal("$.daysOff[0].name.zh-Hant", Refused(json => ((JsonObject)json["daysOff"]![0]!["name"]!).Remove("zh-Hant")).Path);

    [Fact]
    public void Refuses_an_unknown_property_so_typos_are_caught() =>
        Assert.Equal("$.workingSaturdays", Refused(json => json["workingSaturdays"] = new JsonArray()).Path);

    [Fact]
    public void Refuses_a_file_without_a_source() =>
        Assert.Equal("$.source", Refused(json => json.Remove("source")).Path);

    [Fact]
    public void Refuses_a_missing_folder() =>
        Assert.Throws<ContentException>(() => HolidayCalendarLoader.LoadDirectory(Path.Combine(_folder, "missing")));
}

/// <summary>The real files in content/holidays.</summary>
public sealed class HolidayCalendarLoaderLoadDirectory
{
    [Fact]
    public void Loads_every_holidays_file_in_the_repository()
    {
        var files = Directory.GetFiles(RepositoryContent.Holidays, "*.json").Select(f => int.Parse(Path.GetFileNameWithoutExtension(f))).Order();
        Assert.Equal(files, HolidayCalendarLoader.LoadDirectory(RepositoryContent.Holidays).PublishedYears);
        Assert.Contains(2025, files);
        Assert.Contains(2026, files);
    }

    [Fact]
    public void Every_published_list_closes_every_weekday_holiday_of_the_Labour_Code()
    {
        // A cross-check of the data against the lunar calculation: Tết and Giỗ Tổ must be where the calendar puts them.
        var calendar = RepositoryContent.Calendar;
        foreach (var year in calendar.PublishedYears)
        {
            var open = LabourCodeHolidays.StatutoryDates(year)
                .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && calendar.IsWorkingDay(d));
            Assert.Empty(open);
        }
    }
}
