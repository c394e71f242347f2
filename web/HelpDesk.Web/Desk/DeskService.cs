using HelpDesk.Domain;
using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Places;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Desk;

/// <summary>
/// The desk's reads and writes that several pages share: the volunteer's open shift, the
/// session's queue, and closing what the clock has ended. Pages call SaveChanges once.
/// </summary>
public sealed class DeskService(HelpDeskDbContext db, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The volunteer's shift if one is open now; a shift whose session ended is closed on the way.</summary>
    public async Task<Shift?> OpenShiftAsync(string volunteerId)
    {
        var shift = await db.Shifts.SingleOrDefaultAsync(s => s.VolunteerId == volunteerId && s.CheckedOutAt == null);
        if (shift is null) return null;
        if (!shift.IsOpenAt(Now))
        {
            await CloseShiftAsync(shift);
            await db.SaveChangesAsync();
            return null;
        }
        return shift;
    }

    /// <summary>
    /// The volunteer's open visit <paramref name="visitId"/> during their open shift. Shift null:
    /// off shift. Visit null: no such open visit of theirs (another volunteer's, or closed).
    /// </summary>
    public async Task<(Shift? Shift, Visit? Visit)> OpenVisitAsync(string volunteerId, Guid visitId)
    {
        var shift = await OpenShiftAsync(volunteerId);
        if (shift is null) return (null, null);
        return (shift, await db.Visits.SingleOrDefaultAsync(v => v.Id == visitId && v.ShiftId == shift.Id && v.ClosedAt == null));
    }

    /// <summary>Checks out (or closes a finished shift) and closes the visits it left open.</summary>
    public async Task CloseShiftAsync(Shift shift)
    {
        if (!shift.CloseIfOver(Now) && shift.CheckedOutAt is null) shift.CheckOut(Now);
        var open = await db.Visits.Where(v => v.ShiftId == shift.Id && v.ClosedAt == null).ToListAsync();
        foreach (var visit in open) visit.CloseWithShift(shift.CheckedOutAt!.Value);
    }

    /// <summary>Closes every shift whose session has ended, with its open visits. Returns how many.</summary>
    public async Task<int> CloseFinishedShiftsAsync()
    {
        var open = await db.Shifts.Where(s => s.CheckedOutAt == null).ToListAsync();
        var finished = open.Where(s => !s.IsOpenAt(Now)).ToList();
        foreach (var shift in finished) await CloseShiftAsync(shift);
        return finished.Count;
    }

    public async Task<bool> IsAssignedAsync(string userId, Guid pointId) =>
        await db.PointAssignments.AnyAsync(a => a.UserId == userId && a.PointId == pointId);

    public IQueryable<QueueTicket> TicketsOf(DeskSession session) =>
        db.QueueTickets.Where(t => t.PointId == session.PointId && t.SessionDate == session.Date && t.SessionOpens == session.Opens);

    /// <summary>
    /// Issues and saves the next number of the session. Two desks may issue at the same moment:
    /// the unique index refuses the second, which then takes the following number.
    /// </summary>
    public async Task<QueueTicket> IssueTicketAsync(DeskSession session)
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = await TicketsOf(session).MaxAsync(t => (int?)t.Number) ?? 0;
            var ticket = QueueTicket.Issue(session, last, Now);
            db.QueueTickets.Add(ticket);
            try
            {
                await db.SaveChangesAsync();
                return ticket;
            }
            catch (DbUpdateException) when (attempt < 10)
            {
                db.Entry(ticket).State = EntityState.Detached;
                await Task.Delay(Random.Shared.Next(5, 20 * attempt));
            }
        }
    }
}

/// <summary>Closes shifts (and their visits) once their session is over, even if nobody opens the desk page.</summary>
public sealed partial class DeskHousekeeping(IServiceScopeFactory scopes, ILogger<DeskHousekeeping> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var desk = scope.ServiceProvider.GetRequiredService<DeskService>();
                var closed = await desk.CloseFinishedShiftsAsync();
                if (closed > 0)
                {
                    await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().SaveChangesAsync(stoppingToken);
                    LogClosed(logger, closed);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Another instance may have closed the same shift first; the next tick tries again.
                LogFailed(logger, error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} shifts whose session had ended.")]
    private static partial void LogClosed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing finished shifts failed; will retry.")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
