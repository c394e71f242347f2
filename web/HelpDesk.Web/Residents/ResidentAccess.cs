using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Desk;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Residents;

/// <summary>
/// Decides, on every request, whether a volunteer may touch a resident's data: only in an open visit
/// of their own open shift (the pages load that visit) that serves this resident, and only with a
/// consent given at the visit's point that covers the action. Refusals are audited.
/// </summary>
public sealed class ResidentAccess(HelpDeskDbContext db, DeskService desk, AuditLog audit)
{
    /// <summary>The consent that allows <paramref name="action"/> in <paramref name="visit"/>, or null (recorded as refused).</summary>
    public async Task<Consent?> ConsentForAsync(string userId, Visit visit, ResidentAction action, string? procedureCode = null)
    {
        if (visit.ResidentId is not { } residentId || !visit.IsOpen) return null;
        var consent = (await ConsentsAtPointAsync(visit)).FirstOrDefault(c => c.Covers(action, visit.PointId, desk.Now, procedureCode));
        if (consent is null)
            await audit.SaveAsync(new AuditEntry(AuditActions.AccessRefused, userId, residentId, PointId: visit.PointId,
                Detail: procedureCode is null ? action.ToString() : $"{action}:{procedureCode}"));
        return consent;
    }

    /// <summary>Whether any consent allows <paramref name="action"/> now, without recording anything (for showing or hiding links).</summary>
    public async Task<bool> AllowsAsync(Visit visit, ResidentAction action, string? procedureCode = null) =>
        visit.ResidentId is not null && visit.IsOpen
        && (await ConsentsAtPointAsync(visit)).Any(c => c.Covers(action, visit.PointId, desk.Now, procedureCode));

    /// <summary>The visit's resident's consents at the visit's point, newest first (withdrawn and expired included).</summary>
    public async Task<IReadOnlyList<Consent>> ConsentsAtPointAsync(Visit visit) =>
        visit.ResidentId is not { } residentId ? [] :
            (await db.Consents.Where(c => c.ResidentId == residentId && c.PointId == visit.PointId).ToListAsync())
                .OrderByDescending(c => c.GivenAt).ToList();
}
