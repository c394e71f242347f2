using HelpDesk.Domain.Dossiers;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Dossiers;

/// <summary>What the public tracking page may know of a dossier: nothing about the person.</summary>
public sealed record TrackedDossier(string Number, string ProcedureCode, DossierStatus Status, DateTimeOffset SubmittedAt, DateOnly? DueDate);

/// <summary>Finds a dossier by its tracking code for the public page (<c>/t/{code}</c>).</summary>
public sealed class DossierTracking(HelpDeskDbContext db)
{
    /// <summary>
    /// One lookup on the unique hash index, the same work whether the code exists or not, so timing
    /// tells nothing; the projection never reads (or decrypts) the answers.
    /// </summary>
    public async Task<TrackedDossier?> FindAsync(TrackingCode code) =>
        await db.Dossiers.AsNoTracking().Where(d => d.TrackingCodeHash == code.LookupHash)
            .Select(d => new TrackedDossier(d.Number, d.ProcedureCode, d.Status, d.SubmittedAt, d.DueDate))
            .SingleOrDefaultAsync();
}
