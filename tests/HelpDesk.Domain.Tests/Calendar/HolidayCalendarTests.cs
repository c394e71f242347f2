using HelpDesk.Domain.Calendar;

namespace HelpDesk.Domain.Tests.Calendar;

/// <summary>Working days from the published lists in content/holidays.</summary>
public sealed class HolidayCalendarIsWorkingDay
{
    private static readonly HolidayCalendar Calendar = RepositoryContent.Calendar;

    [Fact]
    public void Skips_weekends() =>
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 3, 7)));

    [Fact]
    public void Skips_the_swapped_day_and_works_the_make_up_Saturday_in_January_2026()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 1, 10)));
    }

    [Fact]
    public void Closes_Monday_27_April_2026_because_Gio_To_falls_on_a_Sunday()
    {
        Assert.Equal(DayOfWeek.Sunday, new DateOnly(2026, 4, 26).DayOfWeek);
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 4, 27)));
    }

    [Fact]
    public void Closes_the_five_weekdays_of_Tet_2026()
    {
        var days = Enumerable.Range(0, 9).Select(i => new DateOnly(2026, 2, 14).AddDays(i));
        Assert.All(days, day => Assert.False(Calendar.IsWorkingDay(day)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 13)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 23)));
    }

    [Fact]
    public void Follows_the_published_2025_Tet_rather_than_the_Labour_Code_default()
    {
        // Tết 2025's fourth day was a Saturday: the law's substitute is Monday 3 Feb, but the Government gave Monday 27 Jan instead.
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 1, 27)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 2, 3)));
        Assert.True(HolidayCalendar.LabourCodeOnly.IsWorkingDay(new DateOnly(2025, 1, 27)));
        Assert.False(HolidayCalendar.LabourCodeOnly.IsWorkingDay(new DateOnly(2025, 2, 3)));
    }

    [Fact]
    public void Works_Saturday_26_April_2025_to_make_up_for_Friday_2_May()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 4, 26)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 5, 2)));
    }
}

public sealed class HolidayCalendarAddWorkingDays
{
    private static readonly HolidayCalendar Calendar = RepositoryContent.Calendar;

    [Fact]
    public void Jumps_over_Tet_from_the_last_working_day_before_it() =>
        Assert.Equal(new DateOnly(2026, 2, 23), Calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 1));

    [Fact]
    public void Goes_back_over_Tet_with_a_negative_count() =>
        Assert.Equal(new DateOnly(2026, 2, 13), Calendar.AddWorkingDays(new DateOnly(2026, 2, 23), -1));

    [Fact]
    public void Gives_the_start_itself_for_zero() =>
        Assert.Equal(new DateOnly(2026, 2, 14), Calendar.AddWorkingDays(new DateOnly(2026, 2, 14), 0));

    [Fact]
    public void Crosses_from_a_published_year_into_a_computed_one() =>
        // 31 Dec 2026 is a Thursday; 1 Jan 2027 (Friday) is New Year's Day in the computed 2027.
        Assert.Equal(new DateOnly(2027, 1, 4), Calendar.AddWorkingDays(new DateOnly(2026, 12, 31), 1));
}

public sealed class HolidayCalendarWorkingDaysBetween
{
    private static readonly HolidayCalendar Calendar = RepositoryContent.Calendar;

    [Fact]
    public void Counts_the_working_days_after_the_first_date_up_to_the_second() =>
        // 28, 29 Apr and 4, 5 May; 27 Apr, 30 Apr, 1 May and two weekends are off.
        Assert.Equal(4, Calendar.WorkingDaysBetween(new DateOnly(2026, 4, 24), new DateOnly(2026, 5, 5)));

    [Fact]
    public void Is_negative_when_the_second_date_is_earlier() =>
        Assert.Equal(-4, Calendar.WorkingDaysBetween(new DateOnly(2026, 5, 5), new DateOnly(2026, 4, 24)));

    [Fact]
    public void Undoes_AddWorkingDays_over_a_whole_year()
    {
        var start = new DateOnly(2025, 12, 15);
        foreach (var n in Enumerable.Range(0, 260))
            Assert.Equal(n, Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, n)));
    }
}

/// <summary>The Labour Code defaults for a year with no published list.</summary>
public sealed class LabourCodeHolidaysFor
{
    [Fact]
    public void Gives_Tet_2030_five_days_from_the_last_day_of_the_lunar_year()
    {
        var tet = LabourCodeHolidays.StatutoryDates(2030).Where(d => d.Month == 2);
        Assert.Equal([new(2030, 2, 1), new(2030, 2, 2), new(2030, 2, 3), new(2030, 2, 4), new(2030, 2, 5)], tet);
    }

    [Fact]
    public void Moves_the_Tet_2030_weekend_to_the_next_working_days()
    {
        var calendar = HolidayCalendar.LabourCodeOnly;
        DateOnly[] closed = [new(2030, 2, 1), new(2030, 2, 4), new(2030, 2, 5), new(2030, 2, 6), new(2030, 2, 7)];
        Assert.All(closed, day => Assert.False(calendar.IsWorkingDay(day)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 1, 31)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 2, 8)));
        Assert.Equal([HolidayCodes.LunarNewYear + HolidayCodes.SubstituteSuffix], LabourCodeHolidays.For(2030).DaysOff
            .Where(d => d.Date == new DateOnly(2030, 2, 6)).Select(d => d.Code));
    }

    [Fact]
    public void Gives_National_Day_and_1_September_moving_a_Sunday_1_September_2030_to_Tuesday() =>
        Assert.Equal([new(2030, 9, 2), new(2030, 9, 3)], LabourCodeHolidays.For(2030).DaysOff.Where(d => d.Date.Month == 9).Select(d => d.Date));

    [Fact]
    public void Matches_the_published_2026_list_except_the_New_Year_swap()
    {
        var published = RepositoryContent.Calendar.Year(2026).DaysOff.Select(d => d.Date);
        var computed = LabourCodeHolidays.For(2026).DaysOff.Select(d => d.Date);
        Assert.Equal([new DateOnly(2026, 1, 2)], published.Except(computed));
        Assert.Empty(computed.Except(published));
    }

    [Fact]
    public void Has_no_published_name_and_no_make_up_days()
    {
        var year = LabourCodeHolidays.For(2031);
        Assert.False(year.IsPublished);
        Assert.All(year.DaysOff, d => Assert.Null(d.Name));
        Assert.Empty(year.WorkingWeekendDays);
    }
}
