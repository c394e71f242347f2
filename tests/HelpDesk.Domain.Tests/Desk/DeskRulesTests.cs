using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Tests.Places;

namespace HelpDesk.Domain.Tests.Desk;

public sealed class ShiftCheckIn
{
    private static readonly DateTimeOffset During = Points.At(Points.Tuesday, 18);

    [Fact]
    public void Opens_a_shift_for_the_session_in_progress()
    {
        var point = Points.Evening();
        var shift = Shift.CheckIn("v1", point, isAssignedToPoint: true, hasOpenShift: false, During);
        Assert.Equal(point.Id, shift.PointId);
        Assert.Equal(new TimeOnly(20, 30), shift.SessionCloses);
        Assert.True(shift.IsOpenAt(During));
    }

    [Fact]
    public void Is_refused_at_a_point_the_volunteer_is_not_assigned_to() =>
        Assert.Equal(ErrorCodes.ShiftNotAssigned, Assert.Throws<DomainException>(() =>
            Shift.CheckIn("v1", Points.Evening(), isAssignedToPoint: false, hasOpenShift: false, During)).Code);

    [Fact]
    public void Is_refused_while_another_shift_is_open() =>
        Assert.Equal(ErrorCodes.ShiftAlreadyOpen, Assert.Throws<DomainException>(() =>
            Shift.CheckIn("v1", Points.Evening(), isAssignedToPoint: true, hasOpenShift: true, During)).Code);

    [Fact]
    public void Is_refused_outside_any_session() =>
        Assert.Equal(ErrorCodes.ShiftNoSession, Assert.Throws<DomainException>(() =>
            Shift.CheckIn("v1", Points.Evening(), isAssignedToPoint: true, hasOpenShift: false, Points.At(Points.Tuesday, 12))).Code);
}

public sealed class ShiftClosing
{
    private static Shift Open() => Shift.CheckIn("v1", Points.Evening(), true, false, Points.At(Points.Tuesday, 18));

    [Fact]
    public void Checking_out_records_the_time_and_cannot_happen_twice()
    {
        var shift = Open();
        shift.CheckOut(Points.At(Points.Tuesday, 19));
        Assert.Equal(Points.At(Points.Tuesday, 19), shift.CheckedOutAt);
        Assert.False(shift.IsOpenAt(Points.At(Points.Tuesday, 19, 30)));
        Assert.Throws<DomainException>(() => shift.CheckOut(Points.At(Points.Tuesday, 20)));
    }

    [Fact]
    public void A_shift_closes_itself_at_the_end_of_the_session_not_before()
    {
        var shift = Open();
        Assert.False(shift.CloseIfOver(Points.At(Points.Tuesday, 20, 29)));
        Assert.True(shift.CloseIfOver(Points.At(Points.Tuesday, 22)));
        Assert.Equal(Points.At(Points.Tuesday, 20, 30), shift.CheckedOutAt);
        Assert.True(shift.ClosedAutomatically);
        Assert.False(shift.CloseIfOver(Points.At(Points.Tuesday, 23)));
    }
}

public sealed class QueueTicketLifecycle
{
    private static QueueTicket Ticket() =>
        QueueTicket.Issue(Points.Evening().SessionAt(Points.At(Points.Tuesday, 18))!, lastNumber: 4, Points.At(Points.Tuesday, 18));

    [Fact]
    public void Numbers_follow_the_last_one_of_the_session() => Assert.Equal(5, Ticket().Number);

    [Fact]
    public void Calling_records_the_desk_and_how_long_the_resident_waited()
    {
        var ticket = Ticket();
        ticket.Call("v1", desk: 2, Points.At(Points.Tuesday, 18, 12));
        Assert.Equal(TicketStatus.Called, ticket.Status);
        Assert.Equal(2, ticket.Desk);
        Assert.Equal(TimeSpan.FromMinutes(12), ticket.WaitedAt(Points.At(Points.Tuesday, 19)));
    }

    [Fact]
    public void A_ticket_is_called_once_and_ends_served_or_left()
    {
        var ticket = Ticket();
        ticket.Call("v1", 1, Points.At(Points.Tuesday, 18, 5));
        Assert.Throws<DomainException>(() => ticket.Call("v2", 2, Points.At(Points.Tuesday, 18, 6)));
        ticket.MarkLeft(Points.At(Points.Tuesday, 18, 10));
        Assert.Equal(TicketStatus.Left, ticket.Status);
        Assert.Throws<DomainException>(() => ticket.MarkServed(Points.At(Points.Tuesday, 18, 11)));
    }
}

public sealed class VisitLifecycle
{
    private static readonly DateTimeOffset During = Points.At(Points.Tuesday, 18);

    private static Shift Shift() => HelpDesk.Domain.Desk.Shift.CheckIn("v1", Points.Evening(), true, false, During);

    [Fact]
    public void Opening_from_a_ticket_marks_the_ticket_served()
    {
        var shift = Shift();
        var ticket = QueueTicket.Issue(shift.Session, 0, During);
        var visit = Visit.Open(shift, ticket, During.AddMinutes(5));
        Assert.Equal(ticket.Id, visit.TicketId);
        Assert.Equal(TicketStatus.Served, ticket.Status);
        Assert.True(visit.IsOpen);
    }

    [Fact]
    public void Cannot_be_opened_outside_an_open_shift()
    {
        var shift = Shift();
        shift.CheckOut(During.AddMinutes(30));
        Assert.Equal(ErrorCodes.ShiftNotOpen, Assert.Throws<DomainException>(() => Visit.Open(shift, null, During.AddMinutes(31))).Code);
    }

    [Fact]
    public void Closing_records_purpose_language_and_outcome_once()
    {
        var visit = Visit.Open(Shift(), null, During);
        visit.Close(VisitPurpose.Guidance, Cultures.SimplifiedChinese, VisitOutcome.GuidedOnly, During.AddMinutes(20));
        Assert.False(visit.IsOpen);
        Assert.Equal(VisitOutcome.GuidedOnly, visit.Outcome);
        Assert.Equal(ErrorCodes.VisitClosed, Assert.Throws<DomainException>(() =>
            visit.Close(VisitPurpose.Other, Cultures.Vietnamese, VisitOutcome.GuidedOnly, During.AddMinutes(21))).Code);
    }

    [Fact]
    public void The_language_is_one_of_the_supported_cultures() =>
        Assert.Throws<DomainException>(() => Visit.Open(Shift(), null, During).Close(VisitPurpose.Other, "yue", VisitOutcome.GuidedOnly, During));

    [Fact]
    public void A_visit_left_open_closes_with_its_shift_without_an_outcome()
    {
        var visit = Visit.Open(Shift(), null, During);
        visit.CloseWithShift(Points.At(Points.Tuesday, 20, 30));
        Assert.True(visit.ClosedAutomatically);
        Assert.Null(visit.Outcome);
        Assert.Equal(Points.At(Points.Tuesday, 20, 30), visit.ClosedAt);
    }
}
