using System.Globalization;
using HelpDesk.Domain;
using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Places;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages.Desk;

/// <summary>A queue ticket to print: the number in large digits, in Vietnamese and a second language.</summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class Ticket(HelpDeskDbContext db, DeskService desk) : PageModel
{
    public QueueTicket QueueTicket { get; private set; } = null!;
    public ServicePoint Point { get; private set; } = null!;
    /// <summary>The language printed under the Vietnamese.</summary>
    public string Second { get; private set; } = Cultures.TraditionalChinese;
    public IReadOnlyList<string> SecondChoices => Cultures.All.Where(c => c != Cultures.Vietnamese).ToList();
    public int Ahead { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? second)
    {
        var shift = await desk.OpenShiftAsync(User.UserId());
        if (shift is null) return RedirectToPage("Index");
        var ticket = await desk.TicketsOf(shift.Session).SingleOrDefaultAsync(t => t.Id == id);
        if (ticket is null) return NotFound();
        QueueTicket = ticket;
        Point = await db.ServicePoints.SingleAsync(p => p.Id == ticket.PointId);
        Ahead = await desk.TicketsOf(shift.Session).CountAsync(t => t.Status == TicketStatus.Waiting && t.Number < ticket.Number);
        var ui = CultureInfo.CurrentUICulture.Name;
        Second = second is not null && SecondChoices.Contains(second) ? second : ui != Cultures.Vietnamese ? ui : Cultures.TraditionalChinese;
        return Page();
    }
}
