using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Residents;

/// <summary>A recorded consent's text again, as it was agreed: its version, with the choices and names filled in.</summary>
public sealed class ConsentDocuments(HelpDeskDbContext db, ConsentTexts texts, ProcedureCatalog catalog)
{
    /// <summary>The consent's text version and the choices to render it with; null when that version is no longer published.</summary>
    public async Task<(ConsentText Text, ConsentChoices Choices)?> OfAsync(Consent consent)
    {
        if (texts.Find(consent.TextVersion) is not { } text) return null;
        var point = await db.ServicePoints.SingleAsync(p => p.Id == consent.PointId);
        var ward = await db.Wards.Where(w => w.Id == point.WardId).Select(w => w.Name).SingleAsync();
        var names = consent.ProcedureCodes.Select(code => catalog.FindByCode(code)?.Name).OfType<LocalizedText>().ToList();
        return (text, new ConsentChoices(consent.Purposes, names, consent.DurationId, point.Name, ward));
    }
}
