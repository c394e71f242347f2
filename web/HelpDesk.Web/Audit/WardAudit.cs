using HelpDesk.Domain.Audit;
using HelpDesk.Web.Data;

namespace HelpDesk.Web.Audit;

/// <summary>The part of the one audit chain that belongs to a ward.</summary>
public static class WardAudit
{
    /// <summary>
    /// The ward's events: those at one of its points; without a point, those about one of its residents
    /// (a resident acting on their own account); without either, acts on the ward itself
    /// (<see cref="AuditSubjects.OfWard"/>). An event at another ward's point is never the ward's, whoever it is about.
    /// </summary>
    public static IQueryable<AuditEvent> AuditEventsOfWard(this HelpDeskDbContext db, Guid ward)
    {
        var wardSubject = AuditSubjects.OfWard(ward);
        return db.AuditEvents.Where(e =>
            (e.PointId != null && db.ServicePoints.Any(p => p.Id == e.PointId && p.WardId == ward))
            || (e.PointId == null && e.ResidentId != null && db.Residents.Any(r => r.Id == e.ResidentId && r.WardId == ward))
            || (e.PointId == null && e.ResidentId == null && e.Subject == wardSubject));
    }
}
