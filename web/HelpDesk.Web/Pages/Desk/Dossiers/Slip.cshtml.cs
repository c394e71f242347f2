using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Places;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Dossiers;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Pages.Desk.Dossiers;

/// <summary>
/// The receipt handed to the resident (Mẫu 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"): the dossier
/// number, the tracking code with its QR, the papers taken, the expected return date and what to bring,
/// in Vietnamese with the resident's language beneath. Printed on A5 or on an 80 mm receipt printer.
/// Only those <see cref="DossierReaders"/> lets in may open it.
/// </summary>
[Authorize(Roles = $"{Roles.Volunteer},{Roles.WardStaff},{Roles.Leader}")]
public sealed class Slip(HelpDeskDbContext db, DossierReaders readers, ProcedureCatalog catalog, HolidayCalendar calendar, AuditLog audit,
    IOptions<HelpDeskOptions> options) : PageModel
{
    public const string ReceiptLayout = "receipt";

    public Dossier Record { get; private set; } = null!;
    public ProcedureDefinition Procedure { get; private set; } = null!;
    public ServicePoint Point { get; private set; } = null!;
    public string WardName { get; private set; } = "";
    public Resident Applicant { get; private set; } = null!;
    /// <summary>Pages kept per document of the procedure.</summary>
    public IReadOnlyDictionary<string, int> PageCounts { get; private set; } = new Dictionary<string, int>();
    public TrackingCode Code { get; private set; } = null!;
    public string TrackingUrl { get; private set; } = "";
    public string PublicBase { get; private set; } = "";
    /// <summary>The due date once the ward received the dossier; before that, the date the clock would give today's papers.</summary>
    public DateOnly? ReturnDate { get; private set; }
    public bool ReturnDateIsExpected => Record.DueDate is null;
    public bool Receipt { get; private set; }

    /// <summary>The culture the resident reads, printed beneath the Vietnamese.</summary>
    public string Resident => Record.ResidentLanguage;
    public bool Bilingual => Resident != Cultures.Vietnamese;

    /// <summary>The papers on the slip: those with pages kept, and required ones only shown in the original.</summary>
    public IEnumerable<RequiredDocument> Papers => Procedure.Documents.Where(d =>
        PageCounts.ContainsKey(d.Id) || (d.Required && d.Form == DocumentForm.ShowOriginal));

    public async Task<IActionResult> OnGetAsync(Guid id, string? layout)
    {
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
        if (dossier is null || !await readers.MayReadAsync(User, dossier) || catalog.FindByCode(dossier.ProcedureCode) is not { } procedure) return NotFound();
        Record = dossier;
        Procedure = procedure;
        Receipt = layout == ReceiptLayout;
        Point = await db.ServicePoints.AsNoTracking().SingleAsync(p => p.Id == dossier.PointId);
        WardName = await db.Wards.Where(w => w.Id == Point.WardId).Select(w => w.Name).SingleAsync();
        Applicant = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == dossier.ResidentId);
        PageCounts = await db.ScannedPages.Where(p => p.DraftId == dossier.DraftId).GroupBy(p => p.DocumentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        TrackingCode.Parse(dossier.TrackingCodeCompact, out var code);
        Code = code ?? throw new InvalidOperationException($"Dossier {dossier.Id} holds no valid tracking code.");
        PublicBase = options.Value.PublicBaseFor(Request);
        TrackingUrl = $"{PublicBase}/t/{Code.Compact}";
        ReturnDate = dossier.DueDate ?? ProcessingClock.DueDate(dossier.SubmittedAt, procedure.TimeLimit, calendar);
        await audit.SaveAsync(new AuditEntry(AuditActions.DossierSlipViewed, User.UserId(), dossier.ResidentId, $"dossier:{dossier.Id}",
            dossier.PointId, Receipt ? ReceiptLayout : "a5"));
        return Page();
    }

    /// <summary>Hour and date in Vietnam time, as the national receipt prints them.</summary>
    public static string Time(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The speech culture for reading aloud in <paramref name="culture"/>: vi-VN, zh-CN, zh-TW or en-US.</summary>
    public static string SpeechLanguage(string culture) => culture switch
    {
        Cultures.SimplifiedChinese => "zh-CN",
        Cultures.TraditionalChinese => "zh-TW",
        Cultures.English => "en-US",
        _ => "vi-VN",
    };
}
