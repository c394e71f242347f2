using System.Security.Claims;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Places;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Data;
using HelpDesk.Web.Dossiers;
using HelpDesk.Web.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Printouts;

/// <summary>What every printout about a dossier shows: who issues it, for whom, and how to follow it.</summary>
public sealed record DossierPrintout(Dossier Dossier, ProcedureDefinition Procedure, ServicePoint Point, string WardName,
    Resident Applicant, TrackingCode Code, string PublicBase)
{
    public string TrackingUrl => $"{PublicBase}/t/{Code.Compact}";
    public TwoLanguages Texts { get; } = new(Dossier.ResidentLanguage);
}

/// <summary>Loads a dossier for printing (the receipt slip, the notices), for those <see cref="DossierReaders"/> lets in.</summary>
public sealed class DossierPrintouts(HelpDeskDbContext db, DossierReaders readers, ProcedureCatalog catalog, IOptions<HelpDeskOptions> options)
{
    /// <summary>The dossier's printout, or null when it does not exist or <paramref name="user"/> may not read it.</summary>
    public async Task<DossierPrintout?> LoadAsync(ClaimsPrincipal user, Guid dossierId, HttpRequest request)
    {
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Transitions).SingleOrDefaultAsync(d => d.Id == dossierId);
        if (dossier is null || !await readers.MayReadAsync(user, dossier) || catalog.FindByCode(dossier.ProcedureCode) is not { } procedure) return null;
        var point = await db.ServicePoints.AsNoTracking().SingleAsync(p => p.Id == dossier.PointId);
        var wardName = await db.Wards.Where(w => w.Id == point.WardId).Select(w => w.Name).SingleAsync();
        var applicant = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == dossier.ResidentId);
        TrackingCode.Parse(dossier.TrackingCodeCompact, out var code);
        return new DossierPrintout(dossier, procedure, point, wardName, applicant,
            code ?? throw new InvalidOperationException($"Dossier {dossier.Id} holds no valid tracking code."),
            options.Value.PublicBaseFor(request));
    }
}
