using HelpDesk.Domain.Procedures;

namespace HelpDesk.Domain.Calendar;

/// <summary>
/// The return date of a dossier (Decree 61/2018/NĐ-CP): papers received after 15:00 Vietnam time,
/// or on a day the office does not work, count from the next working day. Supplement requests
/// and extensions belong to the dossier lifecycle, not here.
/// </summary>
public static class ProcessingClock
{
    public static readonly TimeOnly CutOff = new(15, 0);

    /// <summary>The working day the time limit counts from.</summary>
    public static DateOnly CountingDay(DateTimeOffset receivedAt, HolidayCalendar calendar)
    {
        var local = VietnamTime.ToLocal(receivedAt);
        var day = DateOnly.FromDateTime(local.DateTime);
        var late = TimeOnly.FromDateTime(local.DateTime) > CutOff;
        return late || !calendar.IsWorkingDay(day) ? calendar.NextWorkingDay(day) : day;
    }

    /// <summary>
    /// The day the result is due, or null when the procedure has no time limit.
    /// sameDay: the counting day; workingDays N: the N-th working day after it;
    /// days N: N calendar days after it, moved forward to a working day.
    /// </summary>
    public static DateOnly? DueDate(DateTimeOffset receivedAt, TimeLimit limit, HolidayCalendar calendar)
    {
        if (limit.Kind == TimeLimitKind.None) return null;
        var start = CountingDay(receivedAt, calendar);
        return limit.Kind switch
        {
            TimeLimitKind.SameDay => start,
            TimeLimitKind.WorkingDays => calendar.AddWorkingDays(start, limit.Value),
            TimeLimitKind.Days => OnOrAfterWorkingDay(start.AddDays(limit.Value), calendar),
            _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, "unknown time limit"),
        };
    }

    private static DateOnly OnOrAfterWorkingDay(DateOnly date, HolidayCalendar calendar) =>
        calendar.IsWorkingDay(date) ? date : calendar.NextWorkingDay(date);
}
