using System.Security.Claims;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Setup;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Dossiers;

/// <summary>
/// Who may open a dossier's printouts (the receipt slip and the notices) and, at a desk, add papers to it:
/// ward staff and leaders of its ward; and whoever serves its resident at a desk — in the visit it was
/// filed in, or in a later open visit at the same point with a consent that still covers filing this
/// procedure (the resident came back). Anyone else is told "not found".
/// </summary>
public sealed class DossierReaders(HelpDeskDbContext db, DeskService desk, ResidentAccess access)
{
    public async Task<bool> MayReadAsync(ClaimsPrincipal user, Dossier dossier) =>
        await IsOwnWardAsync(user, dossier) || await ServingVisitAsync(user, dossier) is not null;

    /// <summary>
    /// The desk user's open visit (of their open shift) that serves the dossier's resident and may file its
    /// procedure now: the visit it was filed in, or a later one at the same point under a valid consent.
    /// </summary>
    public async Task<Visit?> ServingVisitAsync(ClaimsPrincipal user, Dossier dossier)
    {
        if (!(user.IsInRole(Roles.Volunteer) || user.IsInRole(Roles.WardStaff))) return null;
        var shift = await desk.OpenShiftAsync(user.UserId());
        if (shift is null || shift.PointId != dossier.PointId) return null;
        var visits = await db.Visits.Where(v => v.ShiftId == shift.Id && v.ClosedAt == null && v.ResidentId == dossier.ResidentId).ToListAsync();
        var filedIn = await db.DossierDrafts.Where(d => d.Id == dossier.DraftId).Select(d => d.VisitId).SingleAsync();
        if (visits.FirstOrDefault(v => v.Id == filedIn) is { } original) return original;
        foreach (var visit in visits)
            if (await access.AllowsAsync(visit, ResidentAction.FileProcedure, dossier.ProcedureCode)) return visit;
        return null;
    }

    private async Task<bool> IsOwnWardAsync(ClaimsPrincipal user, Dossier dossier) =>
        DossierOffice.WardOf(user) is { } ward && await db.ServicePoints.AnyAsync(p => p.Id == dossier.PointId && p.WardId == ward);
}
