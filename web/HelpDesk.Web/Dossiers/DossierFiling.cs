using HelpDesk.Domain;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Documents;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Dossiers;

/// <summary>
/// Files a draft as a dossier: the day's next number at the point, a new tracking code, the draft
/// marked as submitted and the audit event, all in one transaction. The caller has checked that a
/// consent covers filing this procedure (<see cref="Pages.Desk.Filing.FilingPage"/>).
/// </summary>
public sealed class DossierFiling(HelpDeskDbContext db, AuditLog audit, TimeProvider clock, TrackingPageCache trackingPages)
{
    /// <summary>Two desks of a point submitting at the same moment: the second takes the next number.</summary>
    private const int MaxAttempts = 3;

    /// <summary>
    /// Submits <paramref name="draft"/>; throws <see cref="DomainException"/> (nothing written) when the form
    /// is incomplete or a required paper has no scan. A draft submitted meanwhile returns its dossier.
    /// </summary>
    public async Task<Dossier> SubmitAsync(DossierDraft draft, ProcedureDefinition procedure, Guid residentId, Guid consentId, string userId, string role)
    {
        var pages = await db.ScannedPages.AsNoTracking().Where(p => p.DraftId == draft.Id).ToListAsync();
        var missing = ScannedPage.Missing(procedure, pages).Select(d => d.Id).ToList();
        var complete = draft.IsComplete(procedure);
        var pointCode = await db.ServicePoints.Where(p => p.Id == draft.PointId).Select(p => p.Code).SingleAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                var now = clock.GetUtcNow();
                var number = DossierNumber.For(pointCode, now, await LastSequenceAsync(draft.PointId, now) + 1);
                var dossier = Dossier.Submit(draft, procedure, residentId, consentId, number, TrackingCode.New(), complete, missing, userId, now, role);
                db.Dossiers.Add(dossier);
                draft.MarkSubmitted(dossier.Id, now);
                await audit.SaveAsync(new AuditEntry(AuditActions.DossierSubmitted, userId, residentId, $"dossier:{dossier.Id}", draft.PointId, dossier.Number));
                await transaction.CommitAsync();
                // A new code has no page yet, unless someone tried it before it existed (its "unknown" answer is cached).
                await trackingPages.EvictAsync(dossier);
                return dossier;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // The unique number (or the one dossier per draft) was taken by another desk: start again from what is stored.
                await ForgetAsync(draft);
                if (draft.DossierId is { } filed) return await db.Dossiers.SingleAsync(d => d.Id == filed);
            }
            catch
            {
                await ForgetAsync(draft);
                throw;
            }
        }
    }

    /// <summary>
    /// The highest sequence given today (Vietnam date) at the point: the range of the (PointId, SubmittedAt)
    /// index, where every number has the same prefix and four digits, so the largest text is the largest number.
    /// </summary>
    private async Task<int> LastSequenceAsync(Guid pointId, DateTimeOffset now)
    {
        var today = VietnamTime.Today(now);
        var from = VietnamTime.At(today, TimeOnly.MinValue);
        var to = VietnamTime.At(today.AddDays(1), TimeOnly.MinValue);
        var last = await db.Dossiers.Where(d => d.PointId == pointId && d.SubmittedAt >= from && d.SubmittedAt < to)
            .MaxAsync(d => (string?)d.Number);
        return last is not null && DossierNumber.TryParse(last, out var number) ? number.Sequence : 0;
    }

    /// <summary>Drops what the failed attempt added (dossier, transitions, audit events) and rereads the draft.</summary>
    private async Task ForgetAsync(DossierDraft draft)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            entry.State = EntityState.Detached;
        await db.Entry(draft).ReloadAsync();
    }
}
