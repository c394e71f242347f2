using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HelpDesk.Domain.Procedures;

namespace HelpDesk.Domain.Calendar;

/// <summary>
/// Reads content/holidays/YYYY.json strictly: the year must match the file name, every date must
/// be in that year, days off must be weekdays and make-up days weekend days, and every name must
/// be in all four cultures. A wrong file stops start-up naming the file, the place and the problem.
/// The format is documented in content/README.md.
/// </summary>
public static partial class HolidayCalendarLoader
{
    public static HolidayCalendar LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new ContentException(directory, "", "the holidays folder does not exist");
        return new HolidayCalendar(Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(LoadFile).ToList());
    }

    public static HolidayYear LoadFile(string file)
    {
        var name = Path.GetFileName(file);
        if (!FileNamePattern().IsMatch(name)) throw new ContentException(name, "", "a holidays file is named after its year, like 2026.json");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException error)
        {
            throw new ContentException(name, $"line {error.LineNumber + 1}", "not valid JSON: " + error.Message);
        }
        using (document) return new Reader(name, int.Parse(name[..4], CultureInfo.InvariantCulture)).Year(document.RootElement);
    }

    [GeneratedRegex(@"^\d{4}\.json$")] private static partial Regex FileNamePattern();

    private sealed class Reader(string file, int fileYear) : ContentReader(file)
    {
        public HolidayYear Year(JsonElement root)
        {
            Only(root, "$", "year", "source", "daysOff", "workingWeekendDays");
            var number = Int(Required(root, "$", "year"), "$.year");
            if (number != fileYear) Fail("$.year", $"{number} does not match the file name {FileName}");
            var source = Required(root, "$", "source");
            if (source.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(source.GetString()))
                Fail("$.source", "must say where the list was published");

            var daysOff = Days(root, "daysOff");
            var bad = daysOff.FirstOrDefault(d => LabourCodeHolidays.IsWeekend(d.Holiday.Date));
            if (bad.Holiday is not null) Fail(bad.Path + ".date", $"{bad.Holiday.Date:yyyy-MM-dd} is a {bad.Holiday.Date.DayOfWeek}, already a rest day; list the weekday given in its place");
            var working = Days(root, "workingWeekendDays");
            bad = working.FirstOrDefault(d => !LabourCodeHolidays.IsWeekend(d.Holiday.Date));
            if (bad.Holiday is not null) Fail(bad.Path + ".date", $"{bad.Holiday.Date:yyyy-MM-dd} is a {bad.Holiday.Date.DayOfWeek}, not a weekend day");

            return new HolidayYear(number, source.GetString()!.Trim(), [.. daysOff.Select(d => d.Holiday)], [.. working.Select(d => d.Holiday)], IsPublished: true);
        }

        private List<(Holiday Holiday, string Path)> Days(JsonElement root, string name)
        {
            var days = Array(root, "$", name).Select((element, i) => (Day(element, $"$.{name}[{i}]"), $"$.{name}[{i}]")).ToList();
            var repeated = days.GroupBy(d => d.Item1.Date).FirstOrDefault(g => g.Count() > 1);
            if (repeated is not null) Fail(repeated.Skip(1).First().Item2 + ".date", $"{repeated.Key:yyyy-MM-dd} is listed twice");
            return days;
        }

        private Holiday Day(JsonElement element, string path)
        {
            Only(element, path, "date", "name");
            var text = Required(element, path, "date");
            var date = text.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(text.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : Fail<DateOnly>(path + ".date", "must be a date written yyyy-MM-dd");
            if (date.Year != fileYear) Fail(path + ".date", $"{date:yyyy-MM-dd} is not in {fileYear}");
            return new Holiday(date, Text(element, path, "name"));
        }

        private T Fail<T>(string path, string problem) { Fail(path, problem); return default!; }
    }
}
