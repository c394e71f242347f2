using System.Globalization;
using HelpDesk.Domain.Calendar;

namespace HelpDesk.Domain.Tests.Calendar;

/// <summary>Tết and the other lunar dates as Vietnam keeps them (new moons at UTC+7).</summary>
public sealed class VietnameseLunarCalendarNewYear
{
    [Theory]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    public void Gives_the_known_Tet_of_ordinary_years(int year, string tet) =>
        Assert.Equal(DateOnly.Parse(tet, CultureInfo.InvariantCulture), VietnameseLunarCalendar.NewYear(year));

    [Theory]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2030, "2030-02-02")]
    public void Gives_Vietnams_Tet_in_the_years_it_is_a_day_before_Chinas(int year, string tet) =>
        Assert.Equal(DateOnly.Parse(tet, CultureInfo.InvariantCulture), VietnameseLunarCalendar.NewYear(year));

    [Fact]
    public void Gives_Tet_1985_a_month_before_China_because_the_leap_month_differs() =>
        Assert.Equal(new DateOnly(1985, 1, 21), VietnameseLunarCalendar.NewYear(1985));

    [Fact]
    public void Differs_from_dotnets_ChineseLunisolarCalendar_in_2007_which_is_why_that_calendar_is_not_used()
    {
        var chinese = DateOnly.FromDateTime(new ChineseLunisolarCalendar().ToDateTime(2007, 1, 1, 0, 0, 0, 0));
        Assert.Equal(new DateOnly(2007, 2, 18), chinese);
        Assert.NotEqual(chinese, VietnameseLunarCalendar.NewYear(2007));
    }

    [Fact]
    public void Agrees_with_China_on_Tet_from_2000_to_2050_except_2007_and_2030()
    {
        var chinese = new ChineseLunisolarCalendar();
        var differing = Enumerable.Range(2000, 51)
            .Where(year => VietnameseLunarCalendar.NewYear(year) != DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0)));
        Assert.Equal([2007, 2030], differing);
    }
}

public sealed class VietnameseLunarCalendarToSolar
{
    [Theory]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Gives_Gio_To_Hung_Vuong_on_the_tenth_of_the_third_month(int year, string date) =>
        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture), VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10)));

    [Fact]
    public void Refuses_a_leap_month_the_year_does_not_have() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2026, 3, 1, IsLeapMonth: true)));

    [Fact]
    public void Refuses_a_thirtieth_day_in_a_29_day_month()
    {
        Assert.Equal(29, VietnameseLunarCalendar.DaysInMonth(2024, 12)); // Tết 2025 followed 29 tháng Chạp
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2024, 12, 30)));
    }
}

public sealed class VietnameseLunarCalendarToLunar
{
    [Theory]
    [InlineData("2020-05-23", 2020, 4, 1, true)]  // leap 4th month of Canh Tý
    [InlineData("2023-03-22", 2023, 2, 1, true)]  // leap 2nd month of Quý Mão
    [InlineData("2025-07-25", 2025, 6, 1, true)]  // leap 6th month of Ất Tỵ
    [InlineData("2025-01-28", 2024, 12, 29, false)] // the last day of Giáp Thìn
    [InlineData("2026-02-16", 2025, 12, 29, false)] // the last day of Ất Tỵ
    public void Gives_day_month_year_and_the_leap_month_flag(string date, int year, int month, int day, bool leap) =>
        Assert.Equal(new LunarDate(year, month, day, leap), VietnameseLunarCalendar.ToLunar(DateOnly.Parse(date, CultureInfo.InvariantCulture)));

    [Fact]
    public void Round_trips_every_day_from_1990_to_2060()
    {
        for (var date = new DateOnly(1990, 1, 1); date < new DateOnly(2060, 1, 1); date = date.AddDays(1))
            Assert.Equal(date, VietnameseLunarCalendar.ToSolar(VietnameseLunarCalendar.ToLunar(date)));
    }
}
