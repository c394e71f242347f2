using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Places;
using HelpDesk.Web.Data;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages.Staff;

/// <summary>Today at the ward's desks: sessions, who is checked in where, who waits, how many were served.</summary>
[Authorize(Roles = $"{Roles.Coordinator},{Roles.Leader}")]
public sealed class Desks(HelpDeskDbContext db, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<PointToday> Points { get; private set; } = [];

    public sealed record SessionToday(DeskSession Session, IReadOnlyList<string> CheckedIn, int Waiting, int Visits);
    public sealed record PointToday(ServicePoint Point, IReadOnlyList<SessionToday> Sessions, int VisitsToday);

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        Today = VietnamTime.Today(Now);
        var ward = User.WardId();
        var points = await db.ServicePoints.Where(p => p.WardId == ward).OrderBy(p => p.Name).ToListAsync();
        var pointIds = points.Select(p => p.Id).ToList();

        var shifts = await db.Shifts.Where(s => pointIds.Contains(s.PointId) && s.SessionDate == Today).ToListAsync();
        var names = await db.Users.Where(u => shifts.Select(s => s.VolunteerId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var waiting = await db.QueueTickets.Where(t => pointIds.Contains(t.PointId) && t.SessionDate == Today && t.Status == TicketStatus.Waiting)
            .GroupBy(t => new { t.PointId, t.SessionOpens }).Select(g => new { g.Key.PointId, g.Key.SessionOpens, Count = g.Count() }).ToListAsync();
        var shiftIds = shifts.Select(s => s.Id).ToList();
        var visitsPerShift = await db.Visits.Where(v => shiftIds.Contains(v.ShiftId))
            .GroupBy(v => v.ShiftId).Select(g => new { ShiftId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.ShiftId, x => x.Count);

        Points = points.Select(point =>
        {
            var sessions = point.SessionsOn(Today).Select(session =>
            {
                var sessionShifts = shifts.Where(s => s.PointId == point.Id && s.SessionOpens == session.Opens).ToList();
                return new SessionToday(session,
                    sessionShifts.Where(s => s.IsOpenAt(Now)).Select(s => names.GetValueOrDefault(s.VolunteerId, "?")).ToList(),
                    waiting.Where(w => w.PointId == point.Id && w.SessionOpens == session.Opens).Sum(w => w.Count),
                    sessionShifts.Sum(s => visitsPerShift.GetValueOrDefault(s.Id)));
            }).ToList();
            var visitsToday = shifts.Where(s => s.PointId == point.Id).Sum(s => visitsPerShift.GetValueOrDefault(s.Id));
            return new PointToday(point, sessions, visitsToday);
        }).ToList();
    }
}
