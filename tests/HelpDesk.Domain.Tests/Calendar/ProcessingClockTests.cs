using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Procedures;

namespace HelpDesk.Domain.Tests.Calendar;

/// <summary>Return dates under Decree 61/2018, with the real 2026 calendar.</summary>
public sealed class ProcessingClockDueDate
{
    private static readonly HolidayCalendar Calendar = RepositoryContent.Calendar;

    private static DateTimeOffset Hanoi(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, VietnamTime.Offset);

    private static TimeLimit WorkingDays(int n) => new(TimeLimitKind.WorkingDays, n);
    private static TimeLimit Days(int n) => new(TimeLimitKind.Days, n);

    [Fact]
    public void Counts_papers_received_after_15_00_from_the_next_working_day_and_skips_the_holidays()
    {
        // Fri 24 Apr 16:00 → counting day Tue 28 Apr (Mon 27 is the Giỗ Tổ substitute day);
        // then Wed 29 Apr, Mon 4 May, Tue 5 May (30 Apr, 1 May and the weekend are off).
        Assert.Equal(new DateOnly(2026, 4, 28), ProcessingClock.CountingDay(Hanoi(2026, 4, 24, 16), Calendar));
        Assert.Equal(new DateOnly(2026, 5, 5), ProcessingClock.DueDate(Hanoi(2026, 4, 24, 16), WorkingDays(3), Calendar));
    }

    [Fact]
    public void Counts_papers_received_before_15_00_from_the_same_day() =>
        Assert.Equal(new DateOnly(2026, 5, 4), ProcessingClock.DueDate(Hanoi(2026, 4, 24, 14, 59), WorkingDays(3), Calendar));

    [Fact]
    public void Counts_papers_received_at_exactly_15_00_from_the_same_day() =>
        Assert.Equal(new DateOnly(2026, 4, 24), ProcessingClock.CountingDay(Hanoi(2026, 4, 24, 15), Calendar));

    [Fact]
    public void Reads_the_cut_off_in_Vietnam_time_whatever_the_offset_of_the_instant() =>
        // 08:30 UTC is 15:30 in Hà Nội.
        Assert.Equal(new DateOnly(2026, 4, 28), ProcessingClock.CountingDay(new DateTimeOffset(2026, 4, 24, 8, 30, 0, TimeSpan.Zero), Calendar));

    [Fact]
    public void Returns_a_same_day_procedure_the_same_day_on_the_last_morning_before_Tet() =>
        Assert.Equal(new DateOnly(2026, 2, 13), ProcessingClock.DueDate(Hanoi(2026, 2, 13, 10), TimeLimit.SameDay, Calendar));

    [Fact]
    public void Returns_a_same_day_procedure_after_Tet_when_received_late_on_the_last_afternoon_before_it() =>
        Assert.Equal(new DateOnly(2026, 2, 23), ProcessingClock.DueDate(Hanoi(2026, 2, 13, 16), TimeLimit.SameDay, Calendar));

    [Fact]
    public void Counts_working_days_after_Tet_for_papers_received_the_last_morning_before_it() =>
        Assert.Equal(new DateOnly(2026, 2, 25), ProcessingClock.DueDate(Hanoi(2026, 2, 13, 10), WorkingDays(3), Calendar));

    [Fact]
    public void Counts_papers_received_on_a_Sunday_from_Monday() =>
        Assert.Equal(new DateOnly(2026, 3, 9), ProcessingClock.DueDate(Hanoi(2026, 3, 8, 9), TimeLimit.SameDay, Calendar));

    [Fact]
    public void Moves_a_calendar_day_limit_that_lands_on_a_Sunday_to_Monday() =>
        // Received on the make-up Saturday 10 Jan 2026: 15 days later is Sunday 25 Jan.
        Assert.Equal(new DateOnly(2026, 1, 26), ProcessingClock.DueDate(Hanoi(2026, 1, 10, 9), Days(15), Calendar));

    [Fact]
    public void Moves_a_calendar_day_limit_that_lands_on_30_April_past_the_holidays() =>
        Assert.Equal(new DateOnly(2026, 5, 4), ProcessingClock.DueDate(Hanoi(2026, 4, 15, 9), Days(15), Calendar));

    [Fact]
    public void Keeps_a_calendar_day_limit_that_lands_on_a_working_day() =>
        Assert.Equal(new DateOnly(2026, 3, 20), ProcessingClock.DueDate(Hanoi(2026, 3, 5, 9), Days(15), Calendar));

    [Fact]
    public void Has_no_due_date_without_a_time_limit() =>
        Assert.Null(ProcessingClock.DueDate(Hanoi(2026, 3, 5, 9), new TimeLimit(TimeLimitKind.None, 0), Calendar));

    [Fact]
    public void Uses_the_computed_Tet_in_a_year_with_no_published_list() =>
        // Thu 31 Jan 2030 at 16:00: 1, 4–7 Feb are off (Tết 2 Feb 2030, weekend days substituted), so the day counts from Fri 8 Feb.
        Assert.Equal(new DateOnly(2030, 2, 8), ProcessingClock.DueDate(Hanoi(2030, 1, 31, 16), TimeLimit.SameDay, Calendar));
}
