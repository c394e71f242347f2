using HelpDesk.Domain.Calendar;

namespace HelpDesk.Domain.Tests.Calendar;

/// <summary>Office hours: 07:00–11:30 and 13:30–17:00 Vietnam time on working days.</summary>
public sealed class OfficeHoursIsOpen
{
    private static readonly HolidayCalendar Calendar = RepositoryContent.Calendar;
    // Tuesday 10 March 2026, a working day.
    private static readonly DateOnly Tuesday = new(2026, 3, 10);

    private static bool OpenAt(DateOnly date, int hour, int minute) =>
        OfficeHours.IsOpen(Calendar, VietnamTime.At(date, new TimeOnly(hour, minute)));

    [Theory]
    [InlineData(7, 0)]
    [InlineData(11, 29)]
    [InlineData(13, 30)]
    [InlineData(16, 59)]
    public void Is_open_in_the_morning_and_afternoon_sessions_of_a_working_day(int hour, int minute) =>
        Assert.True(OpenAt(Tuesday, hour, minute));

    [Theory]
    [InlineData(6, 59)]
    [InlineData(11, 30)]
    [InlineData(12, 15)]
    [InlineData(17, 0)]
    [InlineData(22, 0)]
    public void Is_closed_before_work_at_lunch_and_after_work(int hour, int minute) =>
        Assert.False(OpenAt(Tuesday, hour, minute));

    [Fact]
    public void Is_closed_on_a_weekend() => Assert.False(OpenAt(new DateOnly(2026, 3, 7), 9, 0));

    [Fact]
    public void Is_closed_on_a_public_holiday() => Assert.False(OpenAt(new DateOnly(2026, 4, 27), 9, 0));

    [Fact]
    public void Reads_the_instant_in_Vietnam_time_whatever_its_offset() =>
        // 02:00 UTC is 09:00 in Vietnam.
        Assert.True(OfficeHours.IsOpen(Calendar, new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero)));
}
