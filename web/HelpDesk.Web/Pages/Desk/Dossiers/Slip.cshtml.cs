using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Printouts;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages.Desk.Dossiers;

/// <summary>
/// The receipt handed to the resident (Mẫu 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"): the dossier
/// number, the tracking code with its QR, the papers taken, the expected return date and what to bring,
/// in Vietnamese with the resident's language beneath. Printed on A5 or on an 80 mm receipt printer.
/// Only those <see cref="HelpDesk.Web.Dossiers.DossierReaders"/> lets in may open it.
/// </summary>
[Authorize(Roles = $"{Roles.Volunteer},{Roles.WardStaff},{Roles.Leader}")]
public sealed class Slip(HelpDeskDbContext db, DossierPrintouts printouts, HolidayCalendar calendar, AuditLog audit) : PageModel
{
    public const string ReceiptLayout = "receipt";

    public DossierPrintout Printout { get; private set; } = null!;
    /// <summary>Pages kept per document of the procedure.</summary>
    public IReadOnlyDictionary<string, int> PageCounts { get; private set; } = new Dictionary<string, int>();
    /// <summary>The due date once the ward received the dossier; before that, the date the clock would give today's papers.</summary>
    public DateOnly? ReturnDate { get; private set; }
    public bool ReturnDateIsExpected => Printout.Dossier.DueDate is null;
    public bool Receipt { get; private set; }

    /// <summary>The papers on the slip: those with pages kept, and required ones only shown in the original.</summary>
    public IEnumerable<RequiredDocument> Papers => Printout.Procedure.Documents.Where(d =>
        PageCounts.ContainsKey(d.Id) || (d.Required && d.Form == DocumentForm.ShowOriginal));

    public async Task<IActionResult> OnGetAsync(Guid id, string? layout)
    {
        if (await printouts.LoadAsync(User, id, Request) is not { } printout) return NotFound();
        Printout = printout;
        var dossier = printout.Dossier;
        Receipt = layout == ReceiptLayout;
        PageCounts = await db.ScannedPages.Where(p => p.DraftId == dossier.DraftId).GroupBy(p => p.DocumentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        ReturnDate = dossier.DueDate ?? ProcessingClock.DueDate(dossier.SubmittedAt, printout.Procedure.TimeLimit, calendar);
        await audit.SaveAsync(new AuditEntry(AuditActions.DossierSlipViewed, User.UserId(), dossier.ResidentId, $"dossier:{dossier.Id}",
            dossier.PointId, Receipt ? ReceiptLayout : "a5"));
        return Page();
    }

    /// <summary>Hour and date in Vietnam time, as the national receipt prints them.</summary>
    public static string Time(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
