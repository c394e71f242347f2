namespace HelpDesk.Domain.Desk;

/// <summary>Why the resident came.</summary>
public enum VisitPurpose { CreateAccount, FileDossier, FollowUpDossier, Guidance, Other }

/// <summary>How the visit ended. Counted even when nothing was filed: visits are a headline figure.</summary>
public enum VisitOutcome { GuidedOnly, AccountCreated, DossierFiled, ReferredElsewhere, MissingPapers }

/// <summary>
/// One resident served at a desk during a shift. Opened by the volunteer, closed when the resident
/// leaves; closing clears the resident from the shared PC. A visit left open closes with its shift.
/// </summary>
public sealed class Visit
{
    private Visit() { }

    public Guid Id { get; private set; }
    public Guid PointId { get; private set; }
    public Guid ShiftId { get; private set; }
    public string VolunteerId { get; private set; } = "";
    public Guid? TicketId { get; private set; }
    /// <summary>The resident served, once found or registered; a visit serves one resident.</summary>
    public Guid? ResidentId { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public VisitPurpose? Purpose { get; private set; }
    /// <summary>The language the resident was served in (a culture code); never their ethnicity.</summary>
    public string? Language { get; private set; }
    public VisitOutcome? Outcome { get; private set; }
    public bool ClosedAutomatically { get; private set; }

    public bool IsOpen => ClosedAt is null;

    public static Visit Open(Shift shift, QueueTicket? ticket, DateTimeOffset now)
    {
        if (!shift.IsOpenAt(now)) throw new DomainException(ErrorCodes.ShiftNotOpen);
        ticket?.MarkServed(now);
        return new Visit
        {
            Id = Guid.NewGuid(),
            PointId = shift.PointId,
            ShiftId = shift.Id,
            VolunteerId = shift.VolunteerId,
            TicketId = ticket?.Id,
            OpenedAt = now,
        };
    }

    /// <summary>Records who is being served; while the visit is open the volunteer may correct it to another resident.</summary>
    public void ServeResident(Guid residentId)
    {
        if (!IsOpen) throw new DomainException(ErrorCodes.VisitClosed);
        ResidentId = residentId;
    }

    /// <summary>Closes the visit with what it was for, in which language, and how it ended.</summary>
    public void Close(VisitPurpose purpose, string language, VisitOutcome outcome, DateTimeOffset now)
    {
        if (!IsOpen) throw new DomainException(ErrorCodes.VisitClosed);
        if (!Cultures.All.Contains(language)) throw new DomainException(ErrorCodes.FieldChoice);
        Purpose = purpose;
        Language = language;
        Outcome = outcome;
        ClosedAt = now;
    }

    /// <summary>The shift ended with the visit still open: close it without an outcome.</summary>
    public void CloseWithShift(DateTimeOffset at)
    {
        if (!IsOpen) return;
        ClosedAt = at;
        ClosedAutomatically = true;
    }
}
