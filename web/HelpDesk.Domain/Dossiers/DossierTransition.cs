namespace HelpDesk.Domain.Dossiers;

/// <summary>
/// One move in a dossier's history: from where (null for the submission of the draft) to where, by
/// whom in which role, when, and why. <see cref="DueDate"/> is the due date right after the move
/// (set by a receipt, moved by an extension, null while the clock is stopped), so the history shows
/// every appointment date given. An extension is a row from a status to the same status.
/// </summary>
public sealed record DossierTransition(
    DossierStatus? From,
    DossierStatus To,
    string By,
    string Role,
    DateTimeOffset At,
    string? Reason,
    DateOnly? DueDate);
