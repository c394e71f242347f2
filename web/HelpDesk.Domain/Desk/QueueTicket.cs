using HelpDesk.Domain.Places;

namespace HelpDesk.Domain.Desk;

public enum TicketStatus { Waiting, Called, Served, Left }

/// <summary>A numbered place in the queue of one session at a point, printed for the resident.</summary>
public sealed class QueueTicket
{
    private QueueTicket() { }

    public Guid Id { get; private set; }
    public Guid PointId { get; private set; }
    public DateOnly SessionDate { get; private set; }
    public TimeOnly SessionOpens { get; private set; }
    /// <summary>1, 2, 3… within the session.</summary>
    public int Number { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public TicketStatus Status { get; private set; }
    public DateTimeOffset? CalledAt { get; private set; }
    public string? CalledByVolunteerId { get; private set; }
    public int? Desk { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Issues the ticket after <paramref name="lastNumber"/> (0 for the first of the session).</summary>
    public static QueueTicket Issue(DeskSession session, int lastNumber, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        PointId = session.PointId,
        SessionDate = session.Date,
        SessionOpens = session.Opens,
        Number = lastNumber + 1,
        IssuedAt = now,
        Status = TicketStatus.Waiting,
    };

    public TimeSpan WaitedAt(DateTimeOffset now) => (CalledAt ?? now) - IssuedAt;

    /// <summary>A desk calls this number.</summary>
    public void Call(string volunteerId, int desk, DateTimeOffset now)
    {
        if (Status != TicketStatus.Waiting) throw new DomainException(ErrorCodes.TicketNotWaiting);
        Status = TicketStatus.Called;
        CalledAt = now;
        CalledByVolunteerId = volunteerId;
        Desk = desk;
    }

    /// <summary>The resident came to the desk: a visit was opened for this ticket.</summary>
    public void MarkServed(DateTimeOffset now)
    {
        if (Status is TicketStatus.Served or TicketStatus.Left) throw new DomainException(ErrorCodes.TicketNotWaiting);
        Status = TicketStatus.Served;
        FinishedAt = now;
    }

    /// <summary>Nobody answered the call, or the resident gave up waiting.</summary>
    public void MarkLeft(DateTimeOffset now)
    {
        if (Status is TicketStatus.Served or TicketStatus.Left) throw new DomainException(ErrorCodes.TicketNotWaiting);
        Status = TicketStatus.Left;
        FinishedAt = now;
    }
}
