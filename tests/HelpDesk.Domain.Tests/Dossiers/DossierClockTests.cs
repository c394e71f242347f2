using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Procedures;
using static HelpDesk.Domain.Tests.Dossiers.DossierBuilder;

namespace HelpDesk.Domain.Tests.Dossiers;

/// <summary>Receipt starts the clock (Decree 61/2018), with the published 2026 calendar.</summary>
public sealed class DossierReceive
{
    [Fact]
    public void Starts_the_clock_from_the_next_working_day_after_15_00_and_skips_the_April_holidays()
    {
        // Fri 24 Apr 16:00 → counts from Tue 28 Apr (Mon 27 is the Giỗ Tổ substitute day off);
        // then Wed 29, Mon 4 May, Tue 5 May (30 Apr, 1 May and the weekend are off).
        var at = Hanoi(2026, 4, 24, 16);
        var dossier = Received(at, WorkingDays(3));
        Assert.Equal(DossierStatus.Received, dossier.Status);
        Assert.Equal(at, dossier.ReceivedAt);
        Assert.Equal(at, dossier.ClockStartedAt);
        Assert.Equal(new DateOnly(2026, 5, 5), dossier.DueDate);
        Assert.False(dossier.Extended);
        Assert.Null(dossier.OriginalDueDate);
    }

    [Fact]
    public void Counts_working_days_after_Tet_for_papers_received_the_last_morning_before_it() =>
        // Fri 13 Feb 2026 10:00: Tết is 14–22 Feb, so Mon 23, Tue 24, Wed 25.
        Assert.Equal(new DateOnly(2026, 2, 25), Received(Hanoi(2026, 2, 13, 10), WorkingDays(3)).DueDate);

    [Fact]
    public void Returns_a_same_day_procedure_after_Tet_when_received_late_on_the_last_afternoon_before_it() =>
        Assert.Equal(new DateOnly(2026, 2, 23), Received(Hanoi(2026, 2, 13, 16), TimeLimit.SameDay).DueDate);

    [Fact]
    public void Counts_papers_received_at_14_59_from_the_same_day() =>
        // Wed 4 Mar 2026: Thu 5, Fri 6, Mon 9.
        Assert.Equal(new DateOnly(2026, 3, 9), Received(Hanoi(2026, 3, 4, 14, 59), WorkingDays(3)).DueDate);

    [Fact]
    public void Counts_papers_received_at_15_01_from_the_next_working_day() =>
        // Counting from Thu 5 Mar: Fri 6, Mon 9, Tue 10.
        Assert.Equal(new DateOnly(2026, 3, 10), Received(Hanoi(2026, 3, 4, 15, 1), WorkingDays(3)).DueDate);

    [Fact]
    public void Makes_a_same_day_procedure_received_at_16_00_due_the_next_working_day()
    {
        Assert.Equal(new DateOnly(2026, 3, 4), Received(Hanoi(2026, 3, 3, 16), TimeLimit.SameDay).DueDate);
        Assert.Equal(new DateOnly(2026, 3, 3), Received(Hanoi(2026, 3, 3, 10), TimeLimit.SameDay).DueDate);
        // Friday 24 April after 15:00: Monday 27 is off, so Tuesday 28.
        Assert.Equal(new DateOnly(2026, 4, 28), Received(Hanoi(2026, 4, 24, 16), TimeLimit.SameDay).DueDate);
    }

    [Fact]
    public void Sets_no_due_date_for_a_procedure_without_a_time_limit()
    {
        var limit = new TimeLimit(TimeLimitKind.None, 0);
        var dossier = Received(Monday, limit);
        Assert.Null(dossier.DueDate);
        Assert.Equal(Monday, dossier.ClockStartedAt);
    }

    [Fact]
    public void Records_the_due_date_in_the_transition_and_makes_the_receiver_responsible()
    {
        var dossier = Received();
        Assert.Equal(new DossierTransition(DossierStatus.Submitted, DossierStatus.Received, OfficerId, Roles.WardStaff, Monday, null, new DateOnly(2026, 3, 9)),
            dossier.Transitions[^1]);
        Assert.Equal(OfficerId, dossier.AssignedTo);
    }
}

/// <summary>A request for more papers stops the clock; receiving the completed dossier restarts it from zero.</summary>
public sealed class DossierSupplement
{
    [Fact]
    public void Receiving_the_completed_dossier_counts_the_time_limit_again_from_the_new_receipt()
    {
        var dossier = Received(Monday); // due Mon 9 Mar
        dossier.StartProcessing(OfficerId, Roles.WardStaff, Hanoi(2026, 3, 3, 9));
        dossier.RequestSupplement(OfficerId, Roles.WardStaff, "  Thiếu bản sao sổ hộ khẩu ", Hanoi(2026, 3, 4, 10));

        Assert.Equal(DossierStatus.NeedsSupplement, dossier.Status);
        Assert.Null(dossier.DueDate);
        Assert.Null(dossier.ClockStartedAt);
        Assert.Equal("Thiếu bản sao sổ hộ khẩu", dossier.Transitions[^1].Reason);

        dossier.Resubmit(VolunteerId, Roles.Volunteer, Hanoi(2026, 3, 10, 18));
        Assert.Equal(DossierStatus.Resubmitted, dossier.Status);
        Assert.Null(dossier.DueDate);

        var again = Hanoi(2026, 3, 11, 8);
        dossier.Receive(OfficerId, Roles.WardStaff, again, FiveWorkingDays, WorkCalendar);
        // From Wed 11 Mar: Thu 12, Fri 13, Mon 16, Tue 17, Wed 18.
        Assert.Equal(new DateOnly(2026, 3, 18), dossier.DueDate);
        Assert.Equal(again, dossier.ClockStartedAt);
        Assert.Equal(Monday, dossier.ReceivedAt);
        Assert.Equal(
            [null, new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 9), null, null, new DateOnly(2026, 3, 18)],
            dossier.Transitions.Select(t => t.DueDate));
    }

    [Fact]
    public void Receiving_after_a_supplement_drops_the_extension_of_the_earlier_clock()
    {
        var dossier = Received(Monday);
        dossier.Extend(OfficerId, Roles.Leader, new DateOnly(2026, 3, 12), "Cần xác minh", Hanoi(2026, 3, 5, 9), WorkCalendar);
        dossier.RequestSupplement(OfficerId, Roles.WardStaff, "Thiếu giấy tờ", Hanoi(2026, 3, 5, 10));
        dossier.Resubmit(VolunteerId, Roles.Volunteer, Hanoi(2026, 3, 10, 18));
        dossier.Receive(OfficerId, Roles.WardStaff, Hanoi(2026, 3, 11, 8), FiveWorkingDays, WorkCalendar);

        Assert.False(dossier.Extended);
        Assert.Null(dossier.OriginalDueDate);
        dossier.Extend(OfficerId, Roles.Leader, new DateOnly(2026, 3, 20), "Cần xác minh thêm", Hanoi(2026, 3, 16, 9), WorkCalendar);
        Assert.Equal(new DateOnly(2026, 3, 20), dossier.DueDate);
    }
}

/// <summary>The apology slip (form Mẫu 04): a new date, once, asked at least a day ahead.</summary>
public sealed class DossierExtend
{
    // Received Mon 20 Apr 2026 09:00, five working days: Tue 21, Wed 22, Thu 23, Fri 24, (Mon 27 off) Tue 28.
    private static Dossier ReceivedBeforeTheAprilHolidays()
    {
        var dossier = Received(Hanoi(2026, 4, 20, 9));
        Assert.Equal(new DateOnly(2026, 4, 28), dossier.DueDate);
        return dossier;
    }

    [Fact]
    public void Moves_the_due_date_once_and_keeps_the_original()
    {
        var dossier = ReceivedBeforeTheAprilHolidays();
        dossier.StartProcessing(OfficerId, Roles.WardStaff, Hanoi(2026, 4, 21, 9));
        var at = Hanoi(2026, 4, 24, 10);

        dossier.Extend(OfficerId, Roles.Leader, new DateOnly(2026, 5, 4), "Chờ kết quả xác minh", at, WorkCalendar);

        Assert.Equal(DossierStatus.InProcessing, dossier.Status);
        Assert.Equal(new DateOnly(2026, 5, 4), dossier.DueDate);
        Assert.Equal(new DateOnly(2026, 4, 28), dossier.OriginalDueDate);
        Assert.True(dossier.Extended);
        Assert.Equal(new DossierTransition(DossierStatus.InProcessing, DossierStatus.InProcessing, OfficerId, Roles.Leader, at, "Chờ kết quả xác minh", new DateOnly(2026, 5, 4)),
            dossier.Transitions[^1]);
    }

    [Fact]
    public void Refuses_a_second_extension()
    {
        var dossier = ReceivedBeforeTheAprilHolidays();
        dossier.Extend(OfficerId, Roles.WardStaff, new DateOnly(2026, 5, 4), "Chờ xác minh", Hanoi(2026, 4, 22, 10), WorkCalendar);
        Assert.Equal(ErrorCodes.DossierAlreadyExtended,
            Refused(() => dossier.Extend(OfficerId, Roles.WardStaff, new DateOnly(2026, 5, 6), "Chờ xác minh thêm", Hanoi(2026, 4, 23, 10), WorkCalendar)));
        Assert.Equal(new DateOnly(2026, 5, 4), dossier.DueDate);
    }

    [Fact]
    public void Refuses_an_extension_asked_on_the_due_date()
    {
        var dossier = ReceivedBeforeTheAprilHolidays();
        Assert.Equal(ErrorCodes.DossierExtensionTooLate,
            Refused(() => dossier.Extend(OfficerId, Roles.WardStaff, new DateOnly(2026, 5, 4), "Chờ xác minh", Hanoi(2026, 4, 28, 8), WorkCalendar)));
        Assert.False(dossier.Extended);
    }

    [Fact]
    public void Reads_the_day_it_is_asked_in_Vietnam_time()
    {
        var dossier = ReceivedBeforeTheAprilHolidays();
        // 17:30 UTC on Monday 27 April is 00:30 on Tuesday 28 April in Hà Nội: the due date itself.
        var lateEvening = new DateTimeOffset(2026, 4, 27, 17, 30, 0, TimeSpan.Zero);
        Assert.Equal(ErrorCodes.DossierExtensionTooLate,
            Refused(() => dossier.Extend(OfficerId, Roles.WardStaff, new DateOnly(2026, 5, 4), "Chờ xác minh", lateEvening, WorkCalendar)));
        dossier.Extend(OfficerId, Roles.WardStaff, new DateOnly(2026, 5, 4), "Chờ xác minh", lateEvening.AddHours(-1), WorkCalendar);
        Assert.True(dossier.Extended);
    }

    [Theory]
    [InlineData("2026-04-28")] // the current due date
    [InlineData("2026-04-24")] // earlier
    [InlineData("2026-04-30")] // Reunification Day
    [InlineData("2026-05-02")] // a Saturday
    public void Refuses_a_date_that_is_not_a_later_working_day(string date)
    {
        var dossier = ReceivedBeforeTheAprilHolidays();
        Assert.Equal(ErrorCodes.DossierExtensionDate,
            Refused(() => dossier.Extend(OfficerId, Roles.WardStaff, DateOnly.Parse(date), "Chờ xác minh", Hanoi(2026, 4, 22, 10), WorkCalendar)));
        Assert.Equal(new DateOnly(2026, 4, 28), dossier.DueDate);
    }

    [Fact]
    public void Is_not_a_move_for_a_procedure_without_a_due_date()
    {
        var dossier = Received(Monday, new TimeLimit(TimeLimitKind.None, 0));
        Assert.Equal(ErrorCodes.DossierMoveNotAllowed,
            Refused(() => dossier.Extend(OfficerId, Roles.WardStaff, new DateOnly(2026, 3, 20), "Chờ xác minh", Monday, WorkCalendar)));
    }
}

/// <summary>Handing over the result, and how its day compares with the due date.</summary>
public sealed class DossierReturn
{
    // Due Tue 28 Apr 2026 (received Mon 20 Apr 09:00, five working days).
    private static Dossier ResultReady()
    {
        var dossier = Received(Hanoi(2026, 4, 20, 9));
        dossier.StartProcessing(OfficerId, Roles.WardStaff, Hanoi(2026, 4, 20, 10));
        dossier.MarkResultReady(OfficerId, Roles.WardStaff, Hanoi(2026, 4, 23, 16));
        return dossier;
    }

    [Fact]
    public void Is_early_before_the_due_date()
    {
        var dossier = ResultReady();
        var at = Hanoi(2026, 4, 24, 9);
        dossier.Return(OfficerId, Roles.WardStaff, at);
        Assert.Equal(DossierStatus.Returned, dossier.Status);
        Assert.Equal(at, dossier.ReturnedAt);
        Assert.Equal(Timeliness.Early, dossier.Timeliness);
    }

    [Fact]
    public void Is_on_time_on_the_due_date_until_midnight_in_Vietnam()
    {
        var dossier = ResultReady();
        dossier.Return(OfficerId, Roles.WardStaff, Hanoi(2026, 4, 28, 23, 59));
        Assert.Equal(Timeliness.OnTime, dossier.Timeliness);
    }

    [Fact]
    public void Is_overdue_the_next_day_in_Vietnam_even_when_it_is_still_the_due_date_in_UTC()
    {
        var dossier = ResultReady();
        dossier.Return(OfficerId, Roles.WardStaff, new DateTimeOffset(2026, 4, 28, 17, 30, 0, TimeSpan.Zero));
        Assert.Equal(Timeliness.Overdue, dossier.Timeliness);
    }

    [Fact]
    public void Compares_with_the_extended_date_after_an_extension()
    {
        var dossier = Received(Hanoi(2026, 4, 20, 9));
        dossier.StartProcessing(OfficerId, Roles.WardStaff, Hanoi(2026, 4, 20, 10));
        dossier.Extend(OfficerId, Roles.Leader, new DateOnly(2026, 5, 4), "Chờ xác minh", Hanoi(2026, 4, 24, 10), WorkCalendar);
        dossier.MarkResultReady(OfficerId, Roles.WardStaff, Hanoi(2026, 5, 4, 9));
        dossier.Return(OfficerId, Roles.WardStaff, Hanoi(2026, 5, 4, 16));
        Assert.Equal(Timeliness.OnTime, dossier.Timeliness);
    }

    [Fact]
    public void Has_no_timeliness_without_a_due_date()
    {
        var dossier = Received(Monday, new TimeLimit(TimeLimitKind.None, 0));
        dossier.StartProcessing(OfficerId, Roles.WardStaff, Monday);
        dossier.MarkResultReady(OfficerId, Roles.WardStaff, Monday);
        dossier.Return(OfficerId, Roles.WardStaff, Monday);
        Assert.Null(dossier.Timeliness);
    }

    [Theory]
    [InlineData("2026-04-27", Timeliness.Early)]
    [InlineData("2026-04-28", Timeliness.OnTime)]
    [InlineData("2026-04-29", Timeliness.Overdue)]
    public void Timeliness_compares_dates(string returnedOn, Timeliness expected) =>
        Assert.Equal(expected, Dossier.TimelinessOf(DateOnly.Parse(returnedOn), new DateOnly(2026, 4, 28)));
}

/// <summary>Who is responsible for a dossier.</summary>
public sealed class DossierAssignTo
{
    [Fact]
    public void A_leader_assigns_an_officer()
    {
        var dossier = Received();
        dossier.AssignTo("officer-2", Roles.Leader);
        Assert.Equal("officer-2", dossier.AssignedTo);
    }

    [Fact]
    public void A_volunteer_cannot_assign() =>
        Assert.Equal(ErrorCodes.DossierRoleNotAllowed, Refused(() => Received().AssignTo("officer-2", Roles.Volunteer)));

    [Fact]
    public void A_closed_dossier_cannot_be_assigned() =>
        Assert.Equal(ErrorCodes.DossierMoveNotAllowed, Refused(() => InStatus(DossierStatus.Withdrawn).AssignTo("officer-2", Roles.Leader)));
}
