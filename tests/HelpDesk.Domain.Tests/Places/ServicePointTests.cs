using HelpDesk.Domain.Places;

namespace HelpDesk.Domain.Tests.Places;

/// <summary>A point open Tue/Wed/Thu 17:30–20:30 and Saturday 8:00–11:00, as in the seeds.</summary>
internal static class Points
{
    // Tuesday 25 November 2025.
    public static readonly DateOnly Tuesday = new(2025, 11, 25);

    public static ServicePoint Evening()
    {
        var point = new ServicePoint(Guid.NewGuid(), "cl01", "Điểm Khu phố 1", "12 Trần Hưng Đạo");
        point.ReplaceSchedule([
            new WeeklySession(DayOfWeek.Tuesday, new TimeOnly(17, 30), new TimeOnly(20, 30)),
            new WeeklySession(DayOfWeek.Wednesday, new TimeOnly(17, 30), new TimeOnly(20, 30)),
            new WeeklySession(DayOfWeek.Thursday, new TimeOnly(17, 30), new TimeOnly(20, 30)),
            new WeeklySession(DayOfWeek.Saturday, new TimeOnly(8, 0), new TimeOnly(11, 0)),
        ]);
        return point;
    }

    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0) => VietnamTime.At(date, new TimeOnly(hour, minute));
}

public sealed class ServicePointSchedule
{
    [Fact]
    public void Codes_are_kept_in_upper_case() => Assert.Equal("CL01", Points.Evening().Code);

    [Fact]
    public void A_session_must_end_after_it_starts()
    {
        var point = Points.Evening();
        var error = Assert.Throws<DomainException>(() => point.ReplaceSchedule([new WeeklySession(DayOfWeek.Monday, new TimeOnly(20, 0), new TimeOnly(17, 0))]));
        Assert.Equal(ErrorCodes.PointSessionTimes, error.Code);
        Assert.Equal(4, point.Schedule.Count); // unchanged
    }

    [Fact]
    public void Sessions_may_not_overlap_on_a_day_but_may_follow_each_other()
    {
        var point = Points.Evening();
        Assert.Equal(ErrorCodes.PointSessionsOverlap, Assert.Throws<DomainException>(() => point.ReplaceSchedule([
            new WeeklySession(DayOfWeek.Saturday, new TimeOnly(8, 0), new TimeOnly(11, 0)),
            new WeeklySession(DayOfWeek.Saturday, new TimeOnly(10, 30), new TimeOnly(12, 0)),
        ])).Code);
        point.ReplaceSchedule([
            new WeeklySession(DayOfWeek.Saturday, new TimeOnly(8, 0), new TimeOnly(11, 0)),
            new WeeklySession(DayOfWeek.Saturday, new TimeOnly(11, 0), new TimeOnly(12, 0)),
        ]);
        Assert.Equal(2, point.SessionsOn(Points.Tuesday.AddDays(4)).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void The_number_of_desks_is_between_1_and_20(int desks) =>
        Assert.Equal(ErrorCodes.PointDesks, Assert.Throws<DomainException>(() => Points.Evening().Update("A", "B", null, desks)).Code);

    [Fact]
    public void The_session_in_progress_is_found_in_vietnam_time()
    {
        var point = Points.Evening();
        Assert.Null(point.SessionAt(Points.At(Points.Tuesday, 17, 29)));
        Assert.Equal(new TimeOnly(17, 30), point.SessionAt(Points.At(Points.Tuesday, 17, 30))!.Opens);
        Assert.Null(point.SessionAt(Points.At(Points.Tuesday, 20, 30)));
        Assert.Null(point.SessionAt(Points.At(Points.Tuesday.AddDays(-1), 18))); // Monday
        // 11:00 UTC on Tuesday is 18:00 in Vietnam.
        Assert.NotNull(point.SessionAt(new DateTimeOffset(2025, 11, 25, 11, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Check_in_opens_thirty_minutes_before_the_session()
    {
        var point = Points.Evening();
        Assert.Null(point.SessionForCheckIn(Points.At(Points.Tuesday, 16, 59)));
        Assert.NotNull(point.SessionForCheckIn(Points.At(Points.Tuesday, 17, 0)));
    }

    [Fact]
    public void A_closure_removes_that_days_sessions_and_can_be_cancelled()
    {
        var point = Points.Evening();
        point.CloseOn(Points.Tuesday, "Họp tổ dân phố");
        point.CloseOn(Points.Tuesday, "second reason is ignored");
        Assert.Empty(point.SessionsOn(Points.Tuesday));
        Assert.Equal("Họp tổ dân phố", point.Closures.Single().Reason);
        Assert.Single(point.SessionsOn(Points.Tuesday.AddDays(1)));
        point.CancelClosure(Points.Tuesday);
        Assert.Single(point.SessionsOn(Points.Tuesday));
    }

    [Fact]
    public void A_suspended_point_has_no_sessions_until_resumed()
    {
        var point = Points.Evening();
        point.Suspend();
        Assert.Empty(point.SessionsOn(Points.Tuesday));
        Assert.Null(point.NextSession(Points.At(Points.Tuesday, 12)));
        point.Resume();
        Assert.NotNull(point.SessionAt(Points.At(Points.Tuesday, 18)));
    }

    [Fact]
    public void The_next_session_skips_closed_days()
    {
        var point = Points.Evening();
        point.CloseOn(Points.Tuesday, "Lễ");
        var next = point.NextSession(Points.At(Points.Tuesday, 9));
        Assert.Equal(Points.Tuesday.AddDays(1), next!.Date); // Wednesday
    }
}
