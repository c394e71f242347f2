using HelpDesk.Domain;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Data;
using HelpDesk.Web.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Testing;

/// <summary>
/// Shortcuts for tests about what comes after the identity lookup and the consent: a resident
/// served by a visit, and a consent given at the visit's point. The pages that do this for real
/// have their own tests.
/// </summary>
public static class ResidentFixture
{
    /// <summary>A small white PNG, standing in for a drawn signature.</summary>
    public static readonly byte[] SignaturePng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAAAAACWpiEsAAAADklEQVR4nGP4DwUMuBkAPgIf4WZScsAAAAAASUVORK5CYII=");

    /// <summary>
    /// Registers a resident in the visit's ward (a man born 1960, reads Traditional Chinese) and attaches them to the visit;
    /// <paramref name="personalId"/> must fit that birth year and sex (e.g. "079060001234").
    /// </summary>
    public static async Task<Guid> ServeResidentAsync(this HelpDeskApp app, Guid visitId, string name = "Lâm Văn Phúc",
        string? chineseName = null, string language = Cultures.TraditionalChinese, string? personalId = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var visit = await db.Visits.SingleAsync(v => v.Id == visitId);
        var ward = await db.ServicePoints.Where(p => p.Id == visit.PointId).Select(p => p.WardId).SingleAsync();
        var resident = await scope.ServiceProvider.GetRequiredService<ResidentRegister>().RegisterAsync(
            new ResidentDetails(name, chineseName, new DateOnly(1960, 1, 1), Sex.Male, personalId, null, language), ward, visit.VolunteerId);
        visit.ServeResident(resident.Id);
        await db.SaveChangesAsync();
        return resident.Id;
    }

    /// <summary>
    /// Records how to reach the resident and where they live (a street in the test ward), as the details page
    /// does once they consented; their preferred language stays as it was.
    /// </summary>
    public static async Task AddContactAsync(this HelpDeskApp app, Guid residentId, string phone, string street)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var resident = await db.Residents.SingleAsync(r => r.Id == residentId);
        resident.UpdateContact(new ResidentContact(phone, null, street, TestAccounts.WardName, "Thành phố Hồ Chí Minh", null,
            resident.PreferredLanguage, LargeText: false, ReadAloud: false), app.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Records a signed consent of the visit's resident at the visit's point, for today only, covering
    /// <paramref name="purposes"/> (and filing <paramref name="procedureCodes"/>). Returns its id.
    /// </summary>
    public static async Task<Guid> GiveConsentAsync(this HelpDeskApp app, Guid visitId, string[] purposes, params string[] procedureCodes)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var text = scope.ServiceProvider.GetRequiredService<ConsentTexts>().Current;
        var catalog = scope.ServiceProvider.GetRequiredService<ProcedureCatalog>();
        var visit = await db.Visits.SingleAsync(v => v.Id == visitId);
        var choices = new ConsentChoices(purposes, procedureCodes.Select(c => catalog.FindByCode(c)!.Name).ToList(), text.Durations[0].Id, "Điểm", "Phường");
        var (consent, evidence) = Consent.Give(new ConsentRequest(visit.ResidentId!.Value, visit.PointId, visit.VolunteerId, null,
            ConsentMethod.DrawnSignature, choices, procedureCodes, Cultures.TraditionalChinese, SignaturePng), text, app.Clock.GetUtcNow());
        db.Consents.Add(consent);
        db.ConsentEvidence.Add(evidence!);
        await db.SaveChangesAsync();
        return consent.Id;
    }

    /// <summary>A resident served by the visit who consented, today, to having <paramref name="procedureCodes"/> filed.</summary>
    public static async Task<Guid> ServeConsentingResidentAsync(this HelpDeskApp app, Guid visitId, string name = "Lâm Văn Phúc",
        string? chineseName = null, params string[] procedureCodes)
    {
        var resident = await app.ServeResidentAsync(visitId, name, chineseName);
        await app.GiveConsentAsync(visitId, [ConsentPurpose.FileProcedure], procedureCodes);
        return resident;
    }

    /// <summary>
    /// A resident of the test ward with an account made at the desk and an unused activation;
    /// returns the activation's link secret and short code.
    /// </summary>
    public static async Task<(Guid ResidentId, string Secret, string Code)> ResidentWithActivationAsync(this HelpDeskApp app, string issuedByUserId,
        string name = "Trương Thị Lan", string language = Cultures.TraditionalChinese)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var ward = await db.Wards.FirstAsync(w => w.Name == TestAccounts.WardName);
        var resident = await scope.ServiceProvider.GetRequiredService<ResidentRegister>().RegisterAsync(
            new ResidentDetails(name, null, new DateOnly(1950, 5, 5), Sex.Female, null, null, language), ward.Id, issuedByUserId);
        var accounts = scope.ServiceProvider.GetRequiredService<ResidentAccounts>();
        await accounts.EnsureAccountAsync(resident);
        var (_, secret, code) = await accounts.IssueActivationAsync(resident, issuedByUserId);
        await db.SaveChangesAsync();
        return (resident.Id, secret, code);
    }
}
