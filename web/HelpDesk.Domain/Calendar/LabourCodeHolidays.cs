namespace HelpDesk.Domain.Calendar;

/// <summary>
/// The public holidays of Labour Code 2019, Art. 112, for a year whose list the Government has
/// not yet published: 1/1; Tết = the last day of the lunar year and the first four days of the
/// new one; Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; 2/9 with 1/9 as its adjacent day (the law
/// lets the Prime Minister pick 1/9 or 3/9 each year; 1/9 is the usual choice). A holiday on a
/// Saturday or Sunday gives a substitute day on the next working day (Art. 111(3)). No swaps or
/// make-up Saturdays: those are decided yearly and come only from published lists.
/// </summary>
public static class LabourCodeHolidays
{
    public const string Source = "Computed from Labour Code 2019 (Bộ luật Lao động 45/2019/QH14), Art. 111(3) and Art. 112; not an official list";

    public static HolidayYear For(int year)
    {
        var holidays = Statutory(year);
        var taken = holidays.Select(h => h.Date).ToHashSet();
        var daysOff = new List<Holiday>();
        foreach (var (date, code) in holidays)
        {
            if (!IsWeekend(date))
            {
                daysOff.Add(new Holiday(date, null, code));
                continue;
            }
            var substitute = date;
            do substitute = substitute.AddDays(1);
            while (IsWeekend(substitute) || taken.Contains(substitute));
            taken.Add(substitute);
            daysOff.Add(new Holiday(substitute, null, code + HolidayCodes.SubstituteSuffix));
        }
        return new HolidayYear(year, Source, [.. daysOff.OrderBy(d => d.Date)], [], IsPublished: false);
    }

    /// <summary>The Art. 112 holidays themselves (Tết's five days included), before weekend substitution.</summary>
    public static IReadOnlyList<DateOnly> StatutoryDates(int year) => [.. Statutory(year).Select(h => h.Date)];

    private static List<(DateOnly Date, string Code)> Statutory(int year)
    {
        var tet = VietnameseLunarCalendar.NewYear(year);
        List<(DateOnly Date, string Code)> holidays =
        [
            (new DateOnly(year, 1, 1), HolidayCodes.NewYear),
            .. Enumerable.Range(-1, 5).Select(offset => (tet.AddDays(offset), HolidayCodes.LunarNewYear)),
            (VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10)), HolidayCodes.HungKings),
            (new DateOnly(year, 4, 30), HolidayCodes.ReunificationDay),
            (new DateOnly(year, 5, 1), HolidayCodes.LabourDay),
            (new DateOnly(year, 9, 1), HolidayCodes.NationalDay),
            (new DateOnly(year, 9, 2), HolidayCodes.NationalDay),
        ];
        holidays.Sort((a, b) => a.Date.CompareTo(b.Date));
        return holidays;
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
