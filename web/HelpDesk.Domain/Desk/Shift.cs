using HelpDesk.Domain.Places;

namespace HelpDesk.Domain.Desk;

/// <summary>
/// A volunteer (or ward officer) checked in at a point for one session. Outside an open shift a
/// volunteer can do nothing that touches residents; a shift left open closes itself when the
/// session ends.
/// </summary>
public sealed class Shift
{
    private Shift() { }

    public Guid Id { get; private set; }
    public string VolunteerId { get; private set; } = "";
    public Guid PointId { get; private set; }
    public DateOnly SessionDate { get; private set; }
    public TimeOnly SessionOpens { get; private set; }
    public TimeOnly SessionCloses { get; private set; }
    public DateTimeOffset CheckedInAt { get; private set; }
    public DateTimeOffset? CheckedOutAt { get; private set; }
    public bool ClosedAutomatically { get; private set; }

    public DeskSession Session => new(PointId, SessionDate, SessionOpens, SessionCloses);

    /// <summary>Checks a volunteer in for the session now in progress (or about to start) at <paramref name="point"/>.</summary>
    public static Shift CheckIn(string volunteerId, ServicePoint point, bool isAssignedToPoint, bool hasOpenShift, DateTimeOffset now)
    {
        if (!isAssignedToPoint) throw new DomainException(ErrorCodes.ShiftNotAssigned);
        if (hasOpenShift) throw new DomainException(ErrorCodes.ShiftAlreadyOpen);
        var session = point.SessionForCheckIn(now) ?? throw new DomainException(ErrorCodes.ShiftNoSession);
        return new Shift
        {
            Id = Guid.NewGuid(),
            VolunteerId = volunteerId,
            PointId = point.Id,
            SessionDate = session.Date,
            SessionOpens = session.Opens,
            SessionCloses = session.Closes,
            CheckedInAt = now,
        };
    }

    public bool IsOpenAt(DateTimeOffset now) => CheckedOutAt is null && now < Session.EndsAt;

    public void CheckOut(DateTimeOffset now)
    {
        if (CheckedOutAt is not null) throw new DomainException(ErrorCodes.ShiftNotOpen);
        CheckedOutAt = now < Session.EndsAt ? now : Session.EndsAt;
    }

    /// <summary>Closes a shift whose session is over; returns whether it did.</summary>
    public bool CloseIfOver(DateTimeOffset now)
    {
        if (CheckedOutAt is not null || now < Session.EndsAt) return false;
        CheckedOutAt = Session.EndsAt;
        ClosedAutomatically = true;
        return true;
    }
}
