namespace HelpDesk.Domain.Calendar;

/// <summary>A date in the Vietnamese lunar calendar; <see cref="IsLeapMonth"/> marks the repeated (nhuận) month.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    public override string ToString() => $"{Day}/{Month}{(IsLeapMonth ? "n" : "")}/{Year}";
}

/// <summary>
/// The Vietnamese lunisolar calendar, computed for UTC+7 from Jean Meeus's approximations of the
/// new moon and of the sun's longitude (the method Hồ Ngọc Đức published). A month starts on the
/// local day of the new moon; month 11 holds the winter solstice; in a year of 13 months the
/// first month without a major solar term is the leap month. China computes the same rules at
/// UTC+8, so a new moon just before midnight in Hà Nội falls on the next day in Beijing: Tết 2007
/// and 2030 are a day earlier here, which is why .NET's ChineseLunisolarCalendar is not used.
/// </summary>
public static class VietnameseLunarCalendar
{
    public static readonly DateOnly MinSupported = new(1900, 2, 1);
    public static readonly DateOnly MaxSupported = new(2199, 12, 31);

    private const double TimeZoneHours = 7;
    private const double SynodicMonth = 29.530588853;
    private const double FirstNewMoonOf1900 = 2415021.076998695; // JD of new moon k = 0 (Jan 1900)
    private const double Degrees = Math.PI / 180;

    /// <summary>Tết: the first day of the first month of lunar year <paramref name="lunarYear"/>.</summary>
    public static DateOnly NewYear(int lunarYear) => ToSolar(new LunarDate(lunarYear, 1, 1));

    public static LunarDate ToLunar(DateOnly date)
    {
        if (date < MinSupported || date > MaxSupported)
            throw new ArgumentOutOfRangeException(nameof(date), date, $"supported from {MinSupported:yyyy-MM-dd} to {MaxSupported:yyyy-MM-dd}");
        var day = JulianDay(date);
        var year = day >= MonthElevenStart(date.Year) ? date.Year + 1 : date.Year;
        var month = MonthsUntilMonthEleven(year).Last(m => m.Start <= day);
        return new LunarDate(month.LunarYear, month.Number, day - month.Start + 1, month.IsLeap);
    }

    public static DateOnly ToSolar(LunarDate date)
    {
        if (date.Month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(date), date, "a lunar month is 1 to 12");
        if (date.Year < MinSupported.Year || date.Year >= MaxSupported.Year)
            throw new ArgumentOutOfRangeException(nameof(date), date, "lunar year out of the supported range");
        // Months 1–10 of lunar year L lie in the stretch that ends with month 11 of L; months 11–12 in the next one.
        var months = MonthsUntilMonthEleven(date.Month <= 10 ? date.Year : date.Year + 1);
        var index = months.FindIndex(m => m.Number == date.Month && m.IsLeap == date.IsLeapMonth && m.LunarYear == date.Year);
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(date), date, $"lunar year {date.Year} has no leap month {date.Month}");
        var length = index + 1 < months.Count ? months[index + 1].Start - months[index].Start : MonthElevenStart(months[0].LunarYear + 1) - months[index].Start;
        if (date.Day < 1 || date.Day > length)
            throw new ArgumentOutOfRangeException(nameof(date), date, $"that month has {length} days");
        return FromJulianDay(months[index].Start + date.Day - 1);
    }

    /// <summary>Number of days (29 or 30) in the given lunar month.</summary>
    public static int DaysInMonth(int lunarYear, int month, bool isLeapMonth = false)
    {
        var first = ToSolar(new LunarDate(lunarYear, month, 1, isLeapMonth));
        return ToLunar(first.AddDays(29)).Day == 30 ? 30 : 29;
    }

    private sealed record Month(int Start, int Number, bool IsLeap, int LunarYear);

    /// <summary>
    /// The months from month 11 of lunar year <paramref name="year"/> − 1 up to, not including,
    /// month 11 of lunar year <paramref name="year"/>: 12 months, or 13 with a leap month.
    /// </summary>
    private static List<Month> MonthsUntilMonthEleven(int year)
    {
        var k = MonthElevenIndex(year - 1);
        var end = MonthElevenStart(year);
        var starts = new List<int>();
        for (var i = 0; NewMoonDay(k + i) < end; i++) starts.Add(NewMoonDay(k + i));

        var leap = -1;
        if (starts.Count == 13)
        {
            // The first month in which the sun enters no new 30° sector (no major solar term) repeats its predecessor.
            for (var i = 1; i < 13 && leap < 0; i++)
                if (SunSector(starts[i]) == SunSector(i + 1 < 13 ? starts[i + 1] : end)) leap = i;
        }

        var months = new List<Month>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var offset = leap >= 0 && i >= leap ? i - 1 : i;
            var number = (10 + offset) % 12 + 1; // i = 0 is month 11
            var lunarYear = number >= 11 && offset < 2 ? year - 1 : year;
            months.Add(new Month(starts[i], number, i == leap, lunarYear));
        }
        return months;
    }

    private static int MonthElevenStart(int year) => NewMoonDay(MonthElevenIndex(year));

    /// <summary>The index k of the new moon that begins lunar month 11 (the month holding the winter solstice) of <paramref name="year"/>.</summary>
    private static int MonthElevenIndex(int year)
    {
        var k = (int)Math.Floor((JulianDay(new DateOnly(year, 12, 31)) - FirstNewMoonOf1900) / SynodicMonth);
        // If the sun has already passed 270° when the last new moon of December begins its month, the solstice was in the month before.
        return SunSector(NewMoonDay(k)) >= 9 ? k - 1 : k;
    }

    /// <summary>The local (UTC+7) Julian day number on which new moon k falls.</summary>
    private static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + TimeZoneHours / 24);

    /// <summary>Which 30° sector (0 = 0°–30°, 9 = the winter solstice onwards) the sun is in at local midnight starting that day.</summary>
    private static int SunSector(int julianDayNumber) =>
        (int)Math.Floor(SunLongitude(julianDayNumber - 0.5 - TimeZoneHours / 24) / (30 * Degrees));

    /// <summary>Julian date (UT) of the k-th new moon after January 1900 (Meeus, Astronomical Algorithms, low-precision series).</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85; // Julian centuries from 1900
        var t2 = t * t;
        var t3 = t2 * t;
        var mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
            + 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * Degrees);
        var sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * Degrees;
        var moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * Degrees;
        var latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * Degrees;

        var correction = (0.1734 - 0.000393 * t) * Math.Sin(sunAnomaly)
            + 0.0021 * Math.Sin(2 * sunAnomaly)
            - 0.4068 * Math.Sin(moonAnomaly)
            + 0.0161 * Math.Sin(2 * moonAnomaly)
            - 0.0004 * Math.Sin(3 * moonAnomaly)
            + 0.0104 * Math.Sin(2 * latitude)
            - 0.0051 * Math.Sin(sunAnomaly + moonAnomaly)
            - 0.0074 * Math.Sin(sunAnomaly - moonAnomaly)
            + 0.0004 * Math.Sin(2 * latitude + sunAnomaly)
            - 0.0004 * Math.Sin(2 * latitude - sunAnomaly)
            - 0.0006 * Math.Sin(2 * latitude + moonAnomaly)
            + 0.0010 * Math.Sin(2 * latitude - moonAnomaly)
            + 0.0005 * Math.Sin(sunAnomaly + 2 * moonAnomaly);

        // Dynamical time runs ahead of universal time by ΔT (in days here).
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return mean + correction - deltaT;
    }

    /// <summary>The sun's apparent longitude in radians, 0 to 2π, at Julian date <paramref name="julianDate"/> (Meeus, low accuracy).</summary>
    private static double SunLongitude(double julianDate)
    {
        var t = (julianDate - 2451545.0) / 36525; // Julian centuries from J2000
        var t2 = t * t;
        var anomaly = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * Degrees;
        var meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(anomaly)
            + (0.019993 - 0.000101 * t) * Math.Sin(2 * anomaly)
            + 0.000290 * Math.Sin(3 * anomaly);
        var longitude = (meanLongitude + centre) * Degrees;
        longitude -= 2 * Math.PI * Math.Floor(longitude / (2 * Math.PI));
        return longitude;
    }

    // DateOnly counts days from 0001-01-01 (proleptic Gregorian), which is Julian day number 1721426.
    private const int JulianDayOfDayNumberZero = 1721426;
    private static int JulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;
    private static DateOnly FromJulianDay(int julianDayNumber) => DateOnly.FromDayNumber(julianDayNumber - JulianDayOfDayNumberZero);
}
