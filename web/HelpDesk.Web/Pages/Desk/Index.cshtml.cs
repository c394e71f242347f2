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

/// <summary>
/// The volunteer's desk: check in for a session, run the queue, open visits, check out.
/// Nothing here works outside an open shift at one of the volunteer's points.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class Index(HelpDeskDbContext db, DeskService desk) : PageModel
{
    public Shift? Shift { get; private set; }
    public ServicePoint? Point { get; private set; }
    public IReadOnlyList<ServicePoint> MyPoints { get; private set; } = [];
    public IReadOnlyList<QueueTicket> Queue { get; private set; } = [];
    public IReadOnlyList<Visit> OpenVisits { get; private set; } = [];
    public int VisitsThisSession { get; private set; }
    public DateTimeOffset Now => desk.Now;
    [TempData] public string? MessageKey { get; set; }
    [TempData] public bool MessageIsError { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCheckInAsync(Guid pointId)
    {
        var userId = User.UserId();
        var point = await db.ServicePoints.SingleOrDefaultAsync(p => p.Id == pointId);
        if (point is null) return NotFound();
        var open = await desk.OpenShiftAsync(userId);
        var assigned = await desk.IsAssignedAsync(userId, pointId);
        return await DoAsync(() => db.Shifts.Add(Shift.CheckIn(userId, point, assigned, open is not null, desk.Now)), "Desk_CheckedIn");
    }

    public async Task<IActionResult> OnPostCheckOutAsync()
    {
        var shift = await desk.OpenShiftAsync(User.UserId());
        if (shift is null) return RedirectToPage();
        await desk.CloseShiftAsync(shift);
        return await DoAsync(() => { }, "Desk_CheckedOut");
    }

    public async Task<IActionResult> OnPostIssueTicketAsync()
    {
        var shift = await RequireShiftAsync();
        if (shift is null) return ShiftNeeded();
        var ticket = await desk.IssueTicketAsync(shift.Session);
        return RedirectToPage("Ticket", new { id = ticket.Id });
    }

    public async Task<IActionResult> OnPostCallNextAsync(int deskNumber)
    {
        var shift = await RequireShiftAsync();
        if (shift is null) return ShiftNeeded();
        var next = await desk.TicketsOf(shift.Session).Where(t => t.Status == TicketStatus.Waiting).OrderBy(t => t.Number).FirstOrDefaultAsync();
        if (next is null) return await DoAsync(() => { }, "Desk_QueueEmpty", isError: true);
        return await DoAsync(() => next.Call(shift.VolunteerId, Math.Max(1, deskNumber), desk.Now), "Desk_Called");
    }

    public async Task<IActionResult> OnPostLeftAsync(Guid ticketId)
    {
        var shift = await RequireShiftAsync();
        if (shift is null) return ShiftNeeded();
        var ticket = await desk.TicketsOf(shift.Session).SingleOrDefaultAsync(t => t.Id == ticketId);
        if (ticket is null) return NotFound();
        return await DoAsync(() => ticket.MarkLeft(desk.Now), "Desk_MarkedLeft");
    }

    public async Task<IActionResult> OnPostStartVisitAsync(Guid? ticketId)
    {
        var shift = await RequireShiftAsync();
        if (shift is null) return ShiftNeeded();
        QueueTicket? ticket = null;
        if (ticketId is not null)
        {
            ticket = await desk.TicketsOf(shift.Session).SingleOrDefaultAsync(t => t.Id == ticketId);
            if (ticket is null) return NotFound();
        }
        Visit visit;
        try
        {
            visit = Visit.Open(shift, ticket, desk.Now);
        }
        catch (DomainException refused)
        {
            return Refused(refused.Code);
        }
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        return RedirectToPage("Visit", new { id = visit.Id });
    }

    /// <summary>Applies a domain action and saves it, or shows the domain's refusal; either way back to the desk.</summary>
    private async Task<IActionResult> DoAsync(Action action, string successKey, bool isError = false)
    {
        try
        {
            action();
            await db.SaveChangesAsync();
            MessageKey = successKey;
            MessageIsError = isError;
        }
        catch (DomainException refused)
        {
            return Refused(refused.Code);
        }
        return RedirectToPage();
    }

    private IActionResult ShiftNeeded() => Refused(ErrorCodes.ShiftNotOpen);

    private IActionResult Refused(string code)
    {
        MessageKey = "Error_" + code;
        MessageIsError = true;
        return RedirectToPage();
    }

    private Task<Shift?> RequireShiftAsync() => desk.OpenShiftAsync(User.UserId());

    private async Task LoadAsync()
    {
        var userId = User.UserId();
        Shift = await desk.OpenShiftAsync(userId);
        if (Shift is null)
        {
            var pointIds = db.PointAssignments.Where(a => a.UserId == userId).Select(a => a.PointId);
            MyPoints = await db.ServicePoints.Where(p => pointIds.Contains(p.Id)).OrderBy(p => p.Name).ToListAsync();
            return;
        }
        Point = await db.ServicePoints.SingleAsync(p => p.Id == Shift.PointId);
        Queue = await desk.TicketsOf(Shift.Session)
            .Where(t => t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called)
            .OrderBy(t => t.Number).ToListAsync();
        OpenVisits = await db.Visits.Where(v => v.ShiftId == Shift.Id && v.ClosedAt == null).OrderBy(v => v.OpenedAt).ToListAsync();
        var sessionShifts = db.Shifts.Where(s => s.PointId == Shift.PointId && s.SessionDate == Shift.SessionDate && s.SessionOpens == Shift.SessionOpens).Select(s => s.Id);
        VisitsThisSession = await db.Visits.CountAsync(v => sessionShifts.Contains(v.ShiftId));
    }
}
