using System.Collections.Concurrent;

namespace HelpDesk.Domain.Calendar;

/// <summary>
/// Which days the public offices work: Monday to Friday, minus the days off of the year's
/// published list (content/holidays/YYYY.json) plus its make-up Saturdays; for a year with no
/// published list, minus the Labour Code holidays computed by <see cref="LabourCodeHolidays"/>.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly IReadOnlyDictionary<int, HolidayYear> _published;
    private readonly ConcurrentDictionary<int, HolidayYear> _computed = new();

    public HolidayCalendar(IEnumerable<HolidayYear> published)
    {
        var years = published.ToList();
        var repeated = years.GroupBy(y => y.Year).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"year {repeated.Key} is published twice", nameof(published));
        _published = years.ToDictionary(y => y.Year);
    }

    /// <summary>A calendar with no published lists: every year from the Labour Code.</summary>
    public static HolidayCalendar LabourCodeOnly { get; } = new([]);

    public IEnumerable<int> PublishedYears => _published.Keys.Order();

    public HolidayYear Year(int year) =>
        _published.TryGetValue(year, out var published) ? published : _computed.GetOrAdd(year, LabourCodeHolidays.For);

    public bool IsWorkingDay(DateOnly date)
    {
        var year = Year(date.Year);
        if (year.IsWorkingWeekendDay(date)) return true;
        return !LabourCodeHolidays.IsWeekend(date) && !year.IsDayOff(date);
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// The <paramref name="count"/>-th working day after <paramref name="start"/> (start itself not
    /// counted); a negative count goes back; zero gives <paramref name="start"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        var step = Math.Sign(count);
        var date = start;
        for (var left = Math.Abs(count); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date)) left--;
        }
        return date;
    }

    /// <summary>
    /// The working days in (<paramref name="from"/>, <paramref name="to"/>]: so that
    /// <c>WorkingDaysBetween(a, AddWorkingDays(a, n)) == n</c>. Negative when <paramref name="to"/> is earlier.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
            if (IsWorkingDay(date)) count++;
        return count;
    }
}
