using HelpDesk.Domain.Desk;

namespace HelpDesk.Domain.Procedures;

/// <summary>
/// A procedure being filled in at the desk for one resident, saved after every screen so that a
/// dropped connection or a closed tab loses at most the screen in progress.
/// </summary>
public sealed class DossierDraft
{
    private DossierDraft() { }

    public Guid Id { get; private set; }
    public string ProcedureCode { get; private set; } = "";
    public Guid VisitId { get; private set; }
    public Guid PointId { get; private set; }
    public string VolunteerId { get; private set; } = "";
    /// <summary>The culture the resident reads the form in (a culture code); never their ethnicity.</summary>
    public string ResidentLanguage { get; private set; } = Cultures.Vietnamese;
    /// <summary>Normalised answers keyed as <see cref="FormValidation"/> expects them.</summary>
    public IReadOnlyDictionary<string, string> Answers { get; private set; } = new Dictionary<string, string>();
    /// <summary>
    /// What was being typed on one screen and not yet checked (kept by the page as the volunteer
    /// types), so a closed tab or a dropped connection does not lose it. Cleared when the screen is saved.
    /// </summary>
    public IReadOnlyDictionary<string, string> Typed { get; private set; } = new Dictionary<string, string>();
    /// <summary>The screen <see cref="Typed"/> belongs to, from 0; null when nothing is pending.</summary>
    public int? TypedStep { get; private set; }
    /// <summary>
    /// Counts saved screens. Typing kept by a page that was opened before the last save is stale
    /// (an autosave still on its way when "save" was pressed) and is ignored.
    /// </summary>
    public int Revision { get; private set; }
    /// <summary>The screen to resume at, from 0; the number of steps means the review sheet.</summary>
    public int CurrentStep { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>The dossier this draft was filed as; null while it is still being filled in.</summary>
    public Guid? DossierId { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>A submitted draft is the dossier's history, no longer a form to edit.</summary>
    public bool IsSubmitted => DossierId is not null;

    /// <summary>Starts filling <paramref name="procedure"/> during <paramref name="visit"/>; refused when only the person may file it.</summary>
    public static DossierDraft Start(ProcedureDefinition procedure, Visit visit, string residentLanguage, DateTimeOffset now)
    {
        if (!procedure.Proxy.Allowed) throw new DomainException(ErrorCodes.ProxyNotAllowed);
        if (!visit.IsOpen) throw new DomainException(ErrorCodes.VisitClosed);
        if (!Cultures.All.Contains(residentLanguage)) throw new DomainException(ErrorCodes.FieldChoice);
        return new DossierDraft
        {
            Id = Guid.NewGuid(),
            ProcedureCode = procedure.Code,
            VisitId = visit.Id,
            PointId = visit.PointId,
            VolunteerId = visit.VolunteerId,
            ResidentLanguage = residentLanguage,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Replaces the answers of <paramref name="step"/> (including address parts and every person
    /// block item, so removed items disappear) and moves on to the screen after it.
    /// </summary>
    public void SaveStep(FormStep step, IReadOnlyDictionary<string, string> normalisedAnswers, int stepIndex, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stepIndex);
        var answers = Answers.Where(p => !BelongsTo(step, p.Key)).ToDictionary(p => p.Key, p => p.Value);
        foreach (var (key, value) in normalisedAnswers.Where(p => BelongsTo(step, p.Key))) answers[key] = value;
        Answers = answers;
        CurrentStep = stepIndex + 1;
        Typed = new Dictionary<string, string>();
        TypedStep = null;
        Revision++;
        UpdatedAt = now;
    }

    /// <summary>Longest value kept from an unchecked screen; longer ones are cut (the form's own limits are lower).</summary>
    public const int MaxTypedLength = 1000;

    /// <summary>
    /// Keeps what is being typed on <paramref name="step"/> without checking it; only the screen's own
    /// keys are kept. The next visit to that screen shows it again, until the screen is saved.
    /// Returns false, keeping nothing, when the typing comes from a page older than the last save.
    /// </summary>
    public bool KeepTyped(FormStep step, int stepIndex, IReadOnlyDictionary<string, string> typed, int revisionSeen, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stepIndex);
        if (revisionSeen != Revision) return false;
        Typed = typed.Where(p => BelongsTo(step, p.Key))
            .ToDictionary(p => p.Key, p => p.Value.Length > MaxTypedLength ? p.Value[..MaxTypedLength] : p.Value);
        TypedStep = stepIndex;
        UpdatedAt = now;
        return true;
    }

    /// <summary>What a screen shows: the saved answers, with what was typed there and not yet saved laid over them.</summary>
    public IReadOnlyDictionary<string, string> ValuesFor(FormStep step, int stepIndex)
    {
        if (TypedStep != stepIndex) return Answers;
        var values = Answers.Where(p => !BelongsTo(step, p.Key)).ToDictionary(p => p.Key, p => p.Value);
        foreach (var (key, value) in Typed) values[key] = value;
        return values;
    }

    /// <summary>Whether <paramref name="stepIndex"/> shows typing that has not been checked and saved yet.</summary>
    public bool HasTypedOn(int stepIndex) => TypedStep == stepIndex;

    /// <summary>
    /// The resident came back: the draft moves to the new visit (and its volunteer and point), with
    /// everything saved so far. The caller checks that the visit serves the same resident.
    /// </summary>
    public void ContinueIn(Visit visit, DateTimeOffset now)
    {
        if (!visit.IsOpen) throw new DomainException(ErrorCodes.VisitClosed);
        VisitId = visit.Id;
        PointId = visit.PointId;
        VolunteerId = visit.VolunteerId;
        UpdatedAt = now;
    }

    /// <summary>Records that the draft was filed as dossier <paramref name="dossierId"/>; a draft is filed once.</summary>
    public void MarkSubmitted(Guid dossierId, DateTimeOffset now)
    {
        if (dossierId == Guid.Empty) throw new ArgumentException("a dossier id is required", nameof(dossierId));
        if (IsSubmitted) throw new DomainException(ErrorCodes.DossierMoveNotAllowed);
        DossierId = dossierId;
        SubmittedAt = now;
        Typed = new Dictionary<string, string>();
        TypedStep = null;
        UpdatedAt = now;
    }

    /// <summary>Whether every step of <paramref name="procedure"/> validates with the saved answers.</summary>
    public bool IsComplete(ProcedureDefinition procedure) =>
        procedure.Code == ProcedureCode && procedure.Steps.All(step => FormValidation.ValidateStep(step, Answers).Errors.Count == 0);

    private static bool BelongsTo(FormStep step, string key) =>
        step.Fields.Any(f => key == f.Id
            || key.StartsWith(f.Id + ".", StringComparison.Ordinal)
            || key.StartsWith(f.Id + "[", StringComparison.Ordinal));
}
