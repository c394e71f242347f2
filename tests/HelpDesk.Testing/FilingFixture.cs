using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Documents;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Data;
using HelpDesk.Web.Documents;
using HelpDesk.Web.Dossiers;
using HelpDesk.Web.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Testing;

/// <summary>
/// Shortcuts for tests about what comes after the form is filled: a volunteer's open visit at a point, a
/// birth registration with every screen answered and its papers scanned (ready for "Submit"), and its
/// submission by the app's own <see cref="DossierFiling"/>. The stepper and papers pages have their own tests.
/// </summary>
public static class FilingFixture
{
    public const string BirthRegistration = "1.001193";
    public const string BirthCertificate = "birthCertificate";

    /// <summary>
    /// What the volunteer types on the birth registration's screens, by the form's keys: the child, the
    /// mother (who files it), and the filer's details. All personal: none of it may reach a public page.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> BirthRegistrationAnswers = new Dictionary<string, string>
    {
        ["childFullName"] = "Lâm Tuệ Nghi",
        ["childDateOfBirth"] = "11/11/2025",
        ["childSex"] = "female",
        ["childPlaceOfBirth"] = "Bệnh viện Nhân dân Gia Định",
        ["childNationality"] = "Việt Nam",
        ["childHometown"] = "Phúc Kiến",
        ["mother[0].motherFullName"] = "Lâm Thị Hương",
        ["mother[0].motherDateOfBirth"] = "08/08/1990",
        ["mother[0].motherPersonalId"] = "079190004321",
        ["mother[0].motherResidence.street"] = "215 Trần Hưng Đạo",
        ["mother[0].motherResidence.ward"] = "Phường Chợ Quán",
        ["mother[0].motherResidence.province"] = "Thành phố Hồ Chí Minh",
        ["filerFullName"] = "Lâm Thị Hương",
        ["filerPersonalId"] = "079190004321",
        ["filerPhone"] = "0933456789",
        ["filerRelationship"] = "mother",
    };

    /// <summary>Checks <paramref name="userId"/> in at the point (inside one of its sessions) and opens a visit without a ticket; returns the visit's id.</summary>
    public static async Task<Guid> OpenVisitAsync(this HelpDeskApp app, string userId, Guid pointId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var point = await db.ServicePoints.SingleAsync(p => p.Id == pointId);
        var now = app.Clock.GetUtcNow();
        var shift = Shift.CheckIn(userId, point, isAssignedToPoint: true, hasOpenShift: false, now);
        var visit = Visit.Open(shift, ticket: null, now);
        db.Shifts.Add(shift);
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        return visit.Id;
    }

    /// <summary>
    /// A birth registration of the visit's resident with <see cref="BirthRegistrationAnswers"/> saved on every
    /// screen (checked as the stepper checks them) and one scanned page of each paper the procedure requires,
    /// in the resident's preferred language. The visit's resident must have consented to keeping scans.
    /// Returns the draft's id.
    /// </summary>
    public static async Task<Guid> ReadyDraftAsync(this HelpDeskApp app, Guid visitId)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<HelpDeskDbContext>();
        var procedure = services.GetRequiredService<ProcedureCatalog>().FindByCode(BirthRegistration)!;
        var visit = await db.Visits.SingleAsync(v => v.Id == visitId);
        var residentId = visit.ResidentId ?? throw new InvalidOperationException("The visit serves no resident yet.");
        var language = await db.Residents.Where(r => r.Id == residentId).Select(r => r.PreferredLanguage).SingleAsync();
        var now = app.Clock.GetUtcNow();
        var draft = DossierDraft.Start(procedure, visit, language, now);
        for (var i = 0; i < procedure.Steps.Count; i++)
        {
            var (answers, errors) = FormValidation.ValidateStep(procedure.Steps[i], BirthRegistrationAnswers);
            if (errors.Count > 0)
                throw new InvalidOperationException($"Screen {i + 1} refuses the sample answers: {string.Join("; ", errors)}");
            draft.SaveStep(procedure.Steps[i], answers, i, now);
        }
        db.DossierDrafts.Add(draft);
        await db.SaveChangesAsync();
        var scans = services.GetRequiredService<Scans>();
        foreach (var document in ScannedPage.Missing(procedure, []))
            await scans.AddAsync(draft, document, SampleScans.Jpeg(), visit.VolunteerId, residentId);
        return draft.Id;
    }

    /// <summary>
    /// Submits the draft as the Submit button does: the consent that covers filing it found by <see cref="ResidentAccess"/>,
    /// then <see cref="DossierFiling"/>, in a scope (a database context) of its own. Returns the dossier.
    /// </summary>
    public static async Task<Dossier> SubmitDraftAsync(this HelpDeskApp app, Guid draftId)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<HelpDeskDbContext>();
        var draft = await db.DossierDrafts.SingleAsync(d => d.Id == draftId);
        var visit = await db.Visits.SingleAsync(v => v.Id == draft.VisitId);
        var consent = await services.GetRequiredService<ResidentAccess>().ConsentForAsync(draft.VolunteerId, visit, ResidentAction.FileProcedure, draft.ProcedureCode)
            ?? throw new InvalidOperationException("No consent of the visit's resident covers filing this procedure.");
        var procedure = services.GetRequiredService<ProcedureCatalog>().FindByCode(draft.ProcedureCode)!;
        return await services.GetRequiredService<DossierFiling>()
            .SubmitAsync(draft, procedure, visit.ResidentId!.Value, consent.Id, draft.VolunteerId, Roles.Volunteer);
    }

    /// <summary>
    /// A birth registration filed whole at a new point TN01 of the test ward by a new volunteer: the visit, the resident
    /// (<paramref name="residentName"/>), their consent to filing and keeping scans, the ready draft, the submission.
    /// </summary>
    public static async Task<Dossier> FileBirthRegistrationAsync(this HelpDeskApp app, string residentName, string chineseName)
    {
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var point = await app.CreatePointAsync("TN01", volunteer.UserId);
        var visitId = await app.OpenVisitAsync(volunteer.UserId, point.Id);
        await app.ServeResidentAsync(visitId, residentName, chineseName);
        await app.GiveConsentAsync(visitId, [ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], BirthRegistration);
        return await app.SubmitDraftAsync(await app.ReadyDraftAsync(visitId));
    }

    /// <summary>
    /// A ward officer's move on the dossier, as the ward's dossier page makes it (<see cref="DossierOffice.MoveAsync"/>),
    /// in a scope of its own: the reason, the new due date of an extension, the papers asked for by a supplement request.
    /// </summary>
    public static async Task WardMovesAsync(this HelpDeskApp app, Guid dossierId, string officerId, DossierIntent intent,
        string? reason = null, string[]? documents = null, DateOnly? newDueDate = null, string role = Roles.WardStaff)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var dossier = await db.Dossiers.Include(d => d.Transitions).SingleAsync(d => d.Id == dossierId);
        await scope.ServiceProvider.GetRequiredService<DossierOffice>()
            .MoveAsync(dossier, new MoveRequest(intent, dossier.Version, reason, newDueDate, documents ?? []), officerId, role);
    }
}
