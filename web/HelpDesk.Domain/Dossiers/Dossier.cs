using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Procedures;

namespace HelpDesk.Domain.Dossiers;

/// <summary>
/// A procedure filed for a resident: its readable number, the hash of its tracking secret, the answers
/// and who filed it where, and its way through <see cref="DossierLifecycle"/> against the legal time
/// limit (Decree 61/2018). Every move is a method named for the intent; each checks the table and
/// appends a <see cref="DossierTransition"/>.
/// </summary>
public sealed class Dossier
{
    private readonly List<DossierTransition> _transitions = [];

    private Dossier() { }

    public Guid Id { get; private set; }
    /// <summary>The readable number (<see cref="DossierNumber"/>), e.g. <c>CL01-260424-0007</c>.</summary>
    public string Number { get; private set; } = "";
    /// <summary><see cref="TrackingCode.LookupHash"/>: how the public tracking page finds the dossier.</summary>
    public string TrackingCodeHash { get; private set; } = "";
    /// <summary>
    /// <see cref="TrackingCode.Compact"/>, kept so a lost slip can be reprinted with the same code; the
    /// store encrypts it, and lookups go through <see cref="TrackingCodeHash"/> only.
    /// </summary>
    public string TrackingCodeCompact { get; private set; } = "";
    public Guid DraftId { get; private set; }
    public string ProcedureCode { get; private set; } = "";
    public Guid ResidentId { get; private set; }
    public Guid PointId { get; private set; }
    /// <summary>The consent that covers filing this procedure, checked by the caller at submission.</summary>
    public Guid ConsentId { get; private set; }
    /// <summary>The user who filed it at the desk (a volunteer, or a ward officer on desk duty).</summary>
    public string FiledBy { get; private set; } = "";
    /// <summary>The culture the resident reads in (a culture code); never their ethnicity.</summary>
    public string ResidentLanguage { get; private set; } = Cultures.Vietnamese;
    /// <summary>The draft's normalised answers, as submitted.</summary>
    public IReadOnlyDictionary<string, string> Answers { get; private set; } = new Dictionary<string, string>();
    public DateTimeOffset SubmittedAt { get; private set; }
    /// <summary>When the ward first received the papers; a receipt after a supplement keeps it.</summary>
    public DateTimeOffset? ReceivedAt { get; private set; }
    /// <summary>
    /// The receipt the legal time limit counts from: the first one, or the one after the last
    /// supplement (the clock restarts from zero). Null while the clock is not running.
    /// </summary>
    public DateTimeOffset? ClockStartedAt { get; private set; }
    /// <summary>The day the result is due; null before receipt, while papers are awaited, and for procedures without a time limit.</summary>
    public DateOnly? DueDate { get; private set; }
    /// <summary>Whether the due date of the running clock has been moved (allowed once).</summary>
    public bool Extended { get; private set; }
    /// <summary>The due date before the extension.</summary>
    public DateOnly? OriginalDueDate { get; private set; }
    /// <summary>The officer responsible; the first to receive it unless someone is assigned.</summary>
    public string? AssignedTo { get; private set; }
    public DossierStatus Status { get; private set; }
    /// <summary>
    /// Ids of the procedure's papers asked for by the last supplement request (form Mẫu 02), so the
    /// notice and the public page can name them in the resident's language; kept until the next receipt.
    /// </summary>
    public IReadOnlyList<string> RequestedDocuments { get; private set; } = [];
    /// <summary>Counts every change, so two officers acting on the same dossier at once cannot both win.</summary>
    public int Version { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }
    /// <summary>Set on return when there was a due date: the Vietnam date of return against <see cref="DueDate"/>.</summary>
    public Timeliness? Timeliness { get; private set; }
    public IReadOnlyList<DossierTransition> Transitions => _transitions;

    /// <summary>
    /// Files a completed draft: the dossier is born <see cref="DossierStatus.Submitted"/>, with a first
    /// transition from null (the draft is not a dossier status). The caller checks beforehand that a
    /// valid consent covers filing this procedure for this resident (<see cref="ErrorCodes.ConsentRequired"/>),
    /// allocates <paramref name="number"/> for today at the draft's point, and prints <paramref name="code"/>.
    /// </summary>
    /// <param name="complete">Whether every step of the form validates (<see cref="DossierDraft.IsComplete"/>).</param>
    /// <param name="missingDocuments">Ids of required papers with no scan.</param>
    /// <param name="role">The filer's role: a volunteer, or a ward officer on desk duty.</param>
    public static Dossier Submit(
        DossierDraft draft, ProcedureDefinition procedure, Guid residentId, Guid consentId, DossierNumber number, TrackingCode code,
        bool complete, IReadOnlyCollection<string> missingDocuments, string volunteerId, DateTimeOffset now, string role = Roles.Volunteer)
    {
        if (draft.ProcedureCode != procedure.Code) throw new ArgumentException("the draft is for another procedure", nameof(procedure));
        if (number.Date != VietnamTime.Today(now)) throw new ArgumentException("the number must carry the Vietnam date of submission", nameof(number));
        var move = Check(null, DossierIntent.Submit, role, reason: null);
        if (!complete) throw new DomainException(ErrorCodes.DossierIncomplete);
        if (missingDocuments.Count > 0) throw new DomainException(ErrorCodes.DossierDocumentsMissing);
        ArgumentException.ThrowIfNullOrWhiteSpace(volunteerId);

        var dossier = new Dossier
        {
            Id = Guid.NewGuid(),
            Number = number.ToString(),
            TrackingCodeHash = code.LookupHash,
            TrackingCodeCompact = code.Compact,
            DraftId = draft.Id,
            ProcedureCode = procedure.Code,
            ResidentId = residentId,
            PointId = draft.PointId,
            ConsentId = consentId,
            FiledBy = volunteerId,
            ResidentLanguage = draft.ResidentLanguage,
            Answers = new Dictionary<string, string>(draft.Answers),
            SubmittedAt = now,
        };
        dossier.Record(move, volunteerId, role, now, reason: null);
        return dossier;
    }

    /// <summary>
    /// The ward accepts the papers (form Mẫu 01) and the clock starts from zero: counted from today, or
    /// from the next working day after 15:00 (<see cref="ProcessingClock"/>). After a supplement this
    /// is the receipt of the completed dossier, so the earlier due date and any extension are dropped.
    /// </summary>
    public void Receive(string by, string role, DateTimeOffset now, TimeLimit limit, HolidayCalendar calendar)
    {
        var move = Check(DossierIntent.Receive, by, role, reason: null);
        ReceivedAt ??= now;
        ClockStartedAt = now;
        DueDate = ProcessingClock.DueDate(now, limit, calendar);
        Extended = false;
        OriginalDueDate = null;
        RequestedDocuments = [];
        AssignedTo ??= by;
        Record(move, by, role, now, reason: null);
    }

    /// <summary>Refuses the papers at intake (form Mẫu 03); the reason reaches the resident.</summary>
    public void RefuseToAccept(string by, string role, string reason, DateTimeOffset now) =>
        Record(Check(DossierIntent.RefuseToAccept, by, role, reason), by, role, now, reason);

    public void StartProcessing(string by, string role, DateTimeOffset now) =>
        Record(Check(DossierIntent.StartProcessing, by, role, reason: null), by, role, now, reason: null);

    /// <summary>
    /// Asks for more papers (form Mẫu 02); the reason says which and reaches the resident. The clock
    /// stops: no due date until the completed dossier is received again.
    /// </summary>
    /// <param name="documentIds">The procedure's papers asked for, if the officer picked them from its list.</param>
    public void RequestSupplement(string by, string role, string reason, DateTimeOffset now, IEnumerable<string>? documentIds = null)
    {
        var move = Check(DossierIntent.RequestSupplement, by, role, reason);
        ClockStartedAt = null;
        DueDate = null;
        RequestedDocuments = (documentIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToList();
        Record(move, by, role, now, reason);
    }

    /// <summary>The resident brought the missing papers back (to the desk or the ward); the ward receives them next.</summary>
    public void Resubmit(string by, string role, DateTimeOffset now) =>
        Record(Check(DossierIntent.Resubmit, by, role, reason: null), by, role, now, reason: null);

    /// <summary>
    /// Moves the due date (apology slip, form Mẫu 04): once per running clock, asked at least one day
    /// before the due date (Vietnam date), to a later working day.
    /// </summary>
    public void Extend(string by, string role, DateOnly newDueDate, string reason, DateTimeOffset now, HolidayCalendar calendar)
    {
        var move = Check(DossierIntent.Extend, by, role, reason);
        if (DueDate is not { } due) throw new DomainException(ErrorCodes.DossierMoveNotAllowed);
        if (Extended) throw new DomainException(ErrorCodes.DossierAlreadyExtended);
        if (VietnamTime.Today(now) >= due) throw new DomainException(ErrorCodes.DossierExtensionTooLate);
        if (newDueDate <= due || !calendar.IsWorkingDay(newDueDate)) throw new DomainException(ErrorCodes.DossierExtensionDate);
        OriginalDueDate = due;
        DueDate = newDueDate;
        Extended = true;
        Record(move, by, role, now, reason);
    }

    public void MarkResultReady(string by, string role, DateTimeOffset now) =>
        Record(Check(DossierIntent.MarkResultReady, by, role, reason: null), by, role, now, reason: null);

    /// <summary>Hands the result over and records how that day compares with the due date.</summary>
    public void Return(string by, string role, DateTimeOffset now)
    {
        var move = Check(DossierIntent.Return, by, role, reason: null);
        ReturnedAt = now;
        Timeliness = DueDate is { } due ? TimelinessOf(VietnamTime.Today(now), due) : null;
        Record(move, by, role, now, reason: null);
    }

    /// <summary>Refuses the request after processing; the reason reaches the resident.</summary>
    public void Reject(string by, string role, string reason, DateTimeOffset now) =>
        Record(Check(DossierIntent.Reject, by, role, reason), by, role, now, reason);

    /// <summary>Withdraws the dossier at the resident's request, with what they said.</summary>
    public void Withdraw(string by, string role, string reason, DateTimeOffset now) =>
        Record(Check(DossierIntent.Withdraw, by, role, reason), by, role, now, reason);

    /// <summary>Makes <paramref name="officerId"/> responsible; ward staff and leaders only, while the dossier is open.</summary>
    public void AssignTo(string officerId, string role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(officerId);
        if (role is not (Roles.WardStaff or Roles.Leader)) throw new DomainException(ErrorCodes.DossierRoleNotAllowed);
        if (IsFinal) throw new DomainException(ErrorCodes.DossierMoveNotAllowed);
        AssignedTo = officerId;
        Version++;
    }

    public bool IsFinal => DossierLifecycle.IsFinal(Status);

    /// <summary>The moves <paramref name="role"/> may make now (which buttons to show).</summary>
    public IReadOnlyList<DossierMove> MovesFor(string role) =>
        DossierLifecycle.From(Status).Where(m => m.Allows(role)).ToList();

    public static Timeliness TimelinessOf(DateOnly returnedOn, DateOnly dueDate) =>
        returnedOn < dueDate ? Dossiers.Timeliness.Early
        : returnedOn == dueDate ? Dossiers.Timeliness.OnTime
        : Dossiers.Timeliness.Overdue;

    private DossierMove Check(DossierIntent intent, string by, string role, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return Check(Status, intent, role, reason);
    }

    private static DossierMove Check(DossierStatus? from, DossierIntent intent, string role, string? reason)
    {
        var move = DossierLifecycle.Find(from, intent) ?? throw new DomainException(ErrorCodes.DossierMoveNotAllowed);
        if (!move.Allows(role)) throw new DomainException(ErrorCodes.DossierRoleNotAllowed);
        if (move.ReasonRequired && string.IsNullOrWhiteSpace(reason)) throw new DomainException(ErrorCodes.DossierReasonRequired);
        return move;
    }

    private void Record(DossierMove move, string by, string role, DateTimeOffset now, string? reason)
    {
        _transitions.Add(new DossierTransition(move.From, move.To, by, role, now, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), DueDate));
        Status = move.To;
        Version++;
    }
}
