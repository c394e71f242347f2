namespace HelpDesk.Domain.Dossiers;

/// <summary>
/// A reminder e-mail to a dossier's responsible officer about one due date, claimed before it is sent:
/// one row per (dossier, due date), so two app instances never send the same reminder twice. A claim
/// whose sending failed is deleted, so a later round tries again.
/// </summary>
public sealed class DossierReminder(Guid dossierId, DateOnly dueDate, string officerId, DateTimeOffset claimedAt)
{
    public long Id { get; private set; }
    public Guid DossierId { get; private set; } = dossierId;
    public DateOnly DueDate { get; private set; } = dueDate;
    public string OfficerId { get; private set; } = officerId;
    public DateTimeOffset ClaimedAt { get; private set; } = claimedAt;
    public DateTimeOffset? SentAt { get; private set; }

    public void Sent(DateTimeOffset at) => SentAt = at;
}
