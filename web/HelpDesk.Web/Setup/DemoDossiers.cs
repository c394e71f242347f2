using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Documents;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Places;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Documents;
using HelpDesk.Web.Residents;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Setup;

/// <summary>
/// Training mode's residents and their dossiers: past evening visits at the demo's first point, a drawn
/// consent each, and dossiers filed from complete drafts, then moved by the demo officer into every state
/// the ward's queue shows. Times are in the past, worked out from today and the holiday calendar, so
/// "late" and "due soon" hold on the day the demo starts. Runs inside the seeder's transaction.
/// </summary>
internal sealed class DemoDossiers(IServiceProvider services, Ward ward, ServicePoint point, IReadOnlyDictionary<string, string> userIds)
{
    private const string BirthRegistration = "1.001193";
    private const string MaritalStatus = "1.004873";
    private const string CivilStatusExtract = "2.000635";

    /// <summary>What the demo shows: one dossier in each state the queue's views tell apart.</summary>
    private enum Target { ToReceive, Running, DueSoon, Late, PapersRequested, Extended, ResultReady, Returned }

    private sealed record DemoResident(ResidentDetails Details, string Street, string? AccountUserName);

    /// <summary>Elderly Hoa and Kinh residents of the ward; ID numbers: 079 (HCMC), century and sex digit, year, six digits.</summary>
    private static readonly DemoResident[] Residents =
    [
        new(new("Trương Thị Lan", "張氏蘭", new DateOnly(1948, 3, 12), Sex.Female, "079148003517", "0908123456", Cultures.TraditionalChinese), "45 Lão Tử", "demo.resident1"),
        new(new("Nguyễn Văn Bảo", null, new DateOnly(1952, 7, 2), Sex.Male, "079052001284", "0909234567", Cultures.Vietnamese), "118 Trần Hưng Đạo", "demo.resident2"),
        new(new("Lâm Quốc Vinh", "林國榮", new DateOnly(1945, 11, 20), Sex.Male, "079045006732", "0908345678", Cultures.TraditionalChinese), "27 Hải Thượng Lãn Ông", null),
        new(new("Hứa Mỹ Linh", "许美玲", new DateOnly(1956, 1, 8), Sex.Female, "079156004409", "0903456789", Cultures.SimplifiedChinese), "63 Châu Văn Liêm", null),
        new(new("Quách Thị Ngọc", "郭氏玉", new DateOnly(1950, 5, 30), Sex.Female, "079150002861", "0908567890", Cultures.TraditionalChinese), "9 Phùng Hưng", null),
        new(new("Phan Văn Tâm", null, new DateOnly(1958, 9, 14), Sex.Male, "079058007125", "0907678901", Cultures.Vietnamese), "150 Nguyễn Trãi", null),
    ];

    /// <summary>Which resident files what, reaching which state; the volunteer alternates.</summary>
    private static readonly (int Resident, string Procedure, Target Target)[] Plan =
    [
        (0, CivilStatusExtract, Target.ToReceive),
        (0, BirthRegistration, Target.Returned),
        (1, MaritalStatus, Target.DueSoon),
        (2, BirthRegistration, Target.Late),
        (3, BirthRegistration, Target.PapersRequested),
        (4, MaritalStatus, Target.Extended),
        (5, CivilStatusExtract, Target.Running),
        (2, CivilStatusExtract, Target.ResultReady),
    ];

    private readonly HelpDeskDbContext db = services.GetRequiredService<HelpDeskDbContext>();
    private readonly AuditLog audit = services.GetRequiredService<AuditLog>();
    private readonly ProcedureCatalog catalog = services.GetRequiredService<ProcedureCatalog>();
    private readonly HolidayCalendar calendar = services.GetRequiredService<HolidayCalendar>();
    private readonly DateTimeOffset now = services.GetRequiredService<TimeProvider>().GetUtcNow();
    private readonly Dictionary<(string, DateOnly), Shift> shifts = [];
    private readonly Dictionary<DateOnly, int> numbers = [];
    private readonly Dictionary<Guid, Consent> consents = [];
    private DateOnly Today => VietnamTime.Today(now);
    private string Staff => userIds["demo.staff"];

    public async Task SeedAsync()
    {
        var residents = await RegisterResidentsAsync();
        var filings = Plan.Select((p, i) => (p.Resident, Procedure: catalog.FindByCode(p.Procedure)!, p.Target, Index: i))
            .Select(p => (p.Resident, p.Procedure, p.Target, p.Index, Received: ReceiptFor(p.Procedure, p.Target)))
            .Select(p => (p.Resident, p.Procedure, p.Target, p.Received, SubmittedAt: SessionBefore(p.Received ?? now, p.Index)))
            // Filed in the order they happened, so each resident's consent comes before their dossiers.
            .OrderBy(p => p.SubmittedAt).ToList();
        foreach (var (resident, procedure, target, received, submittedAt) in filings)
        {
            var volunteer = userIds[resident % 2 == 0 ? "demo.volunteer1" : "demo.volunteer2"];
            var dossier = await FileAsync(residents[resident], procedure, volunteer, submittedAt);
            if (received is { } at) await MoveAsync(dossier, procedure, target, at);
        }
        foreach (var shift in shifts.Values) shift.CheckOut(shift.Session.EndsAt);
        await audit.SaveAsync();
    }

    private async Task<List<Resident>> RegisterResidentsAsync()
    {
        var register = services.GetRequiredService<ResidentRegister>();
        var registered = new List<Resident>();
        foreach (var (details, street, account) in Residents)
        {
            var resident = await register.RegisterAsync(details, ward.Id, userIds["demo.volunteer1"]);
            // The oldest read better in large print.
            resident.UpdateContact(new ResidentContact(details.Phone, null, street, ward.Name, ward.Province, null, details.PreferredLanguage,
                LargeText: details.DateOfBirth.Year < 1950, ReadAloud: false), now);
            if (account is not null) resident.LinkAccount(userIds[account]);
            registered.Add(resident);
        }
        await audit.SaveAsync([.. registered.Select(r => new AuditEntry(AuditActions.ResidentRegistered, userIds["demo.volunteer1"], r.Id, PointId: point.Id))]);
        return registered;
    }

    /// <summary>
    /// When the ward received the papers (09:00 on a working day), chosen so the due date lands where the state needs
    /// it; null for a dossier still waiting to be received.
    /// </summary>
    private DateTimeOffset? ReceiptFor(ProcedureDefinition procedure, Target target)
    {
        var soon = calendar.AddWorkingDays(Today, services.GetRequiredService<IOptions<HelpDeskOptions>>().Value.Dossiers.ReminderWorkingDays);
        var (daysBack, fits) = target switch
        {
            Target.ToReceive => (-1, (Func<DateOnly?, bool>)(_ => false)),
            Target.DueSoon => (0, due => due >= Today && due <= soon),
            Target.Extended => (1, due => due > Today), // extended two hours after receipt, which must not be later than now
            Target.Late => (5, due => due < Today),
            Target.PapersRequested => (3, _ => true),
            Target.Running => (2, _ => true),
            Target.ResultReady => (6, _ => true),
            _ => (10, _ => true),
        };
        if (daysBack < 0) return null;
        for (var back = daysBack; back < 60; back++)
        {
            var day = Today.AddDays(-back);
            var at = VietnamTime.At(day, new TimeOnly(9, 0));
            if (calendar.IsWorkingDay(day) && at < now && SessionBefore(at, 0) < at && fits(ProcessingClock.DueDate(at, procedure.TimeLimit, calendar)))
                return at;
        }
        throw new InvalidOperationException($"No receipt day fits a demo dossier meant to be {target}.");
    }

    /// <summary>An instant in the last Tuesday–Thursday evening session that ended before <paramref name="before"/>; visits a quarter-hour apart.</summary>
    private DateTimeOffset SessionBefore(DateTimeOffset before, int index)
    {
        var day = VietnamTime.Today(before);
        while (day.DayOfWeek is not (DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday)
               || VietnamTime.At(day, new TimeOnly(20, 30)) > before)
            day = day.AddDays(-1);
        return VietnamTime.At(day, new TimeOnly(17, 45).AddMinutes(15 * index));
    }

    /// <summary>A visit of the resident, as the desk makes it: consent (the first time), the form screen by screen, the scans, the submission.</summary>
    private async Task<Dossier> FileAsync(Resident resident, ProcedureDefinition procedure, string volunteer, DateTimeOffset at)
    {
        var visit = Visit.Open(ShiftAt(volunteer, at), ticket: null, at);
        visit.ServeResident(resident.Id);
        db.Visits.Add(visit);
        var consent = consents.GetValueOrDefault(resident.Id) ?? await ConsentAsync(resident, visit, volunteer, at.AddMinutes(2));
        consents[resident.Id] = consent;

        var draft = DossierDraft.Start(procedure, visit, resident.PreferredLanguage, at.AddMinutes(3));
        var index = IndexOf(resident);
        var answers = DemoAnswers.For(procedure.Code, Residents[index].Details, Residents[index].Street, ward.Name, index, Today);
        for (var i = 0; i < procedure.Steps.Count; i++)
        {
            var (normalised, errors) = FormValidation.ValidateStep(procedure.Steps[i], answers);
            if (errors.Count > 0) throw new InvalidOperationException($"Demo answers for {procedure.Code} fail screen {i + 1}.");
            draft.SaveStep(procedure.Steps[i], normalised, i, at.AddMinutes(4 + i));
        }
        db.DossierDrafts.Add(draft);
        await audit.SaveAsync();
        var scans = services.GetRequiredService<Scans>();
        foreach (var document in ScannedPage.Missing(procedure, []))
            await scans.AddAsync(draft, document, DemoImages.Page(), volunteer, resident.Id);

        var submittedAt = at.AddMinutes(10);
        var day = VietnamTime.Today(submittedAt);
        numbers[day] = numbers.GetValueOrDefault(day) + 1;
        var dossier = Dossier.Submit(draft, procedure, resident.Id, consent.Id, DossierNumber.For(point.Code, submittedAt, numbers[day]),
            TrackingCode.New(), draft.IsComplete(procedure), [], volunteer, submittedAt);
        db.Dossiers.Add(dossier);
        draft.MarkSubmitted(dossier.Id, submittedAt);
        visit.Close(VisitPurpose.FileDossier, resident.PreferredLanguage, VisitOutcome.DossierFiled, at.AddMinutes(12));
        await audit.SaveAsync(new AuditEntry(AuditActions.DossierSubmitted, volunteer, resident.Id, $"dossier:{dossier.Id}", point.Id, dossier.Number));
        return dossier;
    }

    private static int IndexOf(Resident resident) => Array.FindIndex(Residents, r => r.Details.FullName == resident.FullName);

    private Shift ShiftAt(string volunteer, DateTimeOffset at)
    {
        var day = VietnamTime.Today(at);
        if (!shifts.TryGetValue((volunteer, day), out var shift))
        {
            shift = Shift.CheckIn(volunteer, point, isAssignedToPoint: true, hasOpenShift: false, VietnamTime.At(day, new TimeOnly(17, 25)));
            db.Shifts.Add(shift);
            shifts[(volunteer, day)] = shift;
        }
        return shift;
    }

    /// <summary>A drawn signature covering filing every procedure the demo files for the resident, and keeping the scans.</summary>
    private async Task<Consent> ConsentAsync(Resident resident, Visit visit, string volunteer, DateTimeOffset at)
    {
        var text = services.GetRequiredService<ConsentTexts>().Current;
        var procedures = Plan.Where(p => p.Resident == IndexOf(resident)).Select(p => catalog.FindByCode(p.Procedure)!).DistinctBy(p => p.Code).ToList();
        List<string> purposes = [ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans];
        if (resident.AccountUserId is not null) purposes.Add(ConsentPurpose.CreateAccount);
        var duration = text.Durations.FirstOrDefault(d => d.Days >= 180) ?? text.Durations[0];
        var choices = new ConsentChoices(purposes, procedures.Select(p => p.Name).ToList(), duration.Id, point.Name, ward.Name);
        var request = new ConsentRequest(resident.Id, visit.PointId, volunteer, null, ConsentMethod.DrawnSignature, choices,
            procedures.Select(p => p.Code).ToList(), resident.PreferredLanguage, DemoImages.Signature());
        var (consent, evidence) = Consent.Give(request, text, at);
        db.Consents.Add(consent);
        if (evidence is not null) db.ConsentEvidence.Add(evidence);
        await audit.SaveAsync(new AuditEntry(AuditActions.ConsentGiven, volunteer, resident.Id, $"consent:{consent.Id}", point.Id, consent.Method.ToString()));
        return consent;
    }

    /// <summary>The demo officer's moves from receipt to the target state, through the dossier's own transitions.</summary>
    private async Task MoveAsync(Dossier dossier, ProcedureDefinition procedure, Target target, DateTimeOffset received)
    {
        List<DossierIntent> moves = [DossierIntent.Receive];
        var at = received;
        dossier.Receive(Staff, Roles.WardStaff, at, procedure.TimeLimit, calendar);
        if (target is Target.Running or Target.ResultReady or Target.Returned)
        {
            dossier.StartProcessing(Staff, Roles.WardStaff, at = at.AddHours(1));
            moves.Add(DossierIntent.StartProcessing);
        }
        if (target == Target.PapersRequested)
        {
            dossier.RequestSupplement(Staff, Roles.WardStaff, "Cần bản chính Giấy chứng sinh do bệnh viện cấp.", at = at.AddHours(1), ["birthCertificate"]);
            moves.Add(DossierIntent.RequestSupplement);
        }
        if (target == Target.Extended)
        {
            dossier.Extend(Staff, Roles.WardStaff, calendar.AddWorkingDays(dossier.DueDate!.Value, 5),
                "Cần xác minh thêm với nơi cư trú trước đây.", at = at.AddHours(2), calendar);
            moves.Add(DossierIntent.Extend);
        }
        if (target is Target.ResultReady or Target.Returned)
        {
            dossier.MarkResultReady(Staff, Roles.WardStaff, at = at.AddHours(4));
            moves.Add(DossierIntent.MarkResultReady);
        }
        if (target == Target.Returned)
        {
            dossier.Return(Staff, Roles.WardStaff, at.AddHours(1));
            moves.Add(DossierIntent.Return);
        }
        await audit.SaveAsync([.. moves.Select(m => new AuditEntry(AuditActions.DossierMoved, Staff, dossier.ResidentId, $"dossier:{dossier.Id}", dossier.PointId, m.ToString()))]);
    }
}

/// <summary>Small real pictures for the demo: a signature's stroke and a scanned page, as PNGs a browser opens.</summary>
internal static class DemoImages
{
    /// <summary>A 120 × 40 signature: a dark wavy stroke on white.</summary>
    public static byte[] Signature() => PngFile.Greyscale(120, 40, (x, y) => Math.Abs(y - 20 - (int)(8 * Math.Sin(x / 9.0))) <= 1 ? (byte)0x20 : (byte)0xFF);

    /// <summary>A 64 × 90 page: paper with a title bar and lines of "text".</summary>
    public static byte[] Page() => PngFile.Greyscale(64, 90, (x, y) => y is >= 6 and < 12 ? (byte)0x40 : y % 6 == 0 && x is > 5 and < 58 ? (byte)0x70 : (byte)0xF2);
}
