namespace HelpDesk.Domain.Calendar;

/// <summary>
/// When public offices are open: working days (per the calendar), 07:00–11:30 and 13:30–17:00 Vietnam time.
/// Officers are only disturbed (e.g. by a reminder e-mail) while they are at work.
/// </summary>
public static class OfficeHours
{
    private static readonly (TimeOnly Opens, TimeOnly Closes)[] Sessions =
        [(new(7, 0), new(11, 30)), (new(13, 30), new(17, 0))];

    public static bool IsOpen(HolidayCalendar calendar, DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        if (!calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime))) return false;
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Sessions.Any(s => time >= s.Opens && time < s.Closes);
    }
}
