using System.Globalization;
using HelpDesk.Domain.Places;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Points;

/// <summary>How days and opening hours read in the visitor's language; shared by the public and the coordinator pages.</summary>
public static class PointTexts
{
    /// <summary>The week as a Vietnamese calendar shows it: Monday first.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    private static readonly Dictionary<DayOfWeek, string> DayKeys = new()
    {
        [DayOfWeek.Monday] = "Day_Monday",
        [DayOfWeek.Tuesday] = "Day_Tuesday",
        [DayOfWeek.Wednesday] = "Day_Wednesday",
        [DayOfWeek.Thursday] = "Day_Thursday",
        [DayOfWeek.Friday] = "Day_Friday",
        [DayOfWeek.Saturday] = "Day_Saturday",
        [DayOfWeek.Sunday] = "Day_Sunday",
    };

    public static string Day(IStringLocalizer text, DayOfWeek day) => text[DayKeys[day]];

    /// <summary>A date with its day name, in the culture's short date form.</summary>
    public static string Date(IStringLocalizer text, DateOnly date) =>
        $"{Day(text, date.DayOfWeek)} {date.ToString("d", CultureInfo.CurrentCulture)}";

    /// <summary>24-hour clock in every language, as on the paper notices at the points.</summary>
    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Hours(TimeOnly opens, TimeOnly closes) => $"{Time(opens)}–{Time(closes)}";

    public static IEnumerable<WeeklySession> InWeekOrder(IEnumerable<WeeklySession> schedule) =>
        schedule.OrderBy(s => DayIndex(s.Day)).ThenBy(s => s.Opens);

    private static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;
}
