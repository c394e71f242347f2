using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Dossiers;
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
/// A notice to print for the resident, in Vietnamese with their language beside it (A5, as the receipt): the
/// request for more papers (Mẫu 02), the refusal (Mẫu 03) or the apology with a new date (Mẫu 04). It exists
/// once the ward made that move (<see cref="DossierNotice.For"/>); the ward prints it, and so may the desk
/// serving the resident when they come back. The officer's reason is printed as written, in Vietnamese.
/// </summary>
[Authorize(Roles = $"{Roles.Volunteer},{Roles.WardStaff},{Roles.Leader}")]
public sealed class Notice(HelpDeskDbContext db, DossierPrintouts printouts, AuditLog audit) : PageModel
{
    public DossierPrintout Printout { get; private set; } = null!;
    public DossierNotice Told { get; private set; } = null!;
    /// <summary>Who made the move, as their account names them.</summary>
    public string OfficerName { get; private set; } = "";

    /// <summary>The papers asked for, from the procedure's list, in its order.</summary>
    public IEnumerable<RequiredDocument> RequestedPapers =>
        Printout.Procedure.Documents.Where(d => Told.RequestedDocuments.Contains(d.Id));

    public async Task<IActionResult> OnGetAsync(Guid id, string kind)
    {
        if (KindOf(kind) is not { } noticeKind || await printouts.LoadAsync(User, id, Request) is not { } printout
            || DossierNotice.For(printout.Dossier, noticeKind) is not { } notice) return NotFound();
        Printout = printout;
        Told = notice;
        OfficerName = await db.Users.Where(u => u.Id == notice.Move.By).Select(u => u.DisplayName).SingleOrDefaultAsync() ?? "";
        var dossier = printout.Dossier;
        await audit.SaveAsync(new AuditEntry(AuditActions.DossierNoticeViewed, User.UserId(), dossier.ResidentId, $"dossier:{dossier.Id}",
            dossier.PointId, RouteName(noticeKind)));
        return Page();
    }

    /// <summary>The notice's name in its address: supplement, refusal, new-date.</summary>
    public static string RouteName(NoticeKind kind) => kind switch
    {
        NoticeKind.NewDate => "new-date",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static NoticeKind? KindOf(string name) =>
        Enum.GetValues<NoticeKind>().Cast<NoticeKind?>().FirstOrDefault(k => RouteName(k!.Value) == name);
}
