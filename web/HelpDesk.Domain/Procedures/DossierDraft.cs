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
    /// <summary>The screen to resume at, from 0; the number of steps means the review sheet.</summary>
    public int CurrentStep { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

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
        UpdatedAt = now;
    }

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

    /// <summary>Whether every step of <paramref name="procedure"/> validates with the saved answers.</summary>
    public bool IsComplete(ProcedureDefinition procedure) =>
        procedure.Code == ProcedureCode && procedure.Steps.All(step => FormValidation.ValidateStep(step, Answers).Errors.Count == 0);

    private static bool BelongsTo(FormStep step, string key) =>
        step.Fields.Any(f => key == f.Id
            || key.StartsWith(f.Id + ".", StringComparison.Ordinal)
            || key.StartsWith(f.Id + "[", StringComparison.Ordinal));
}
