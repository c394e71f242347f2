using System.Security.Claims;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Dossiers;

/// <summary>Which dossiers the ward's queue lists.</summary>
public enum QueueView
{
    /// <summary>Every dossier still open, those waiting to be received first, then by due date.</summary>
    Open,
    /// <summary>Filed or brought back, waiting for the ward to receive (or refuse) the papers.</summary>
    ToReceive,
    /// <summary>Received or in processing: the clock runs.</summary>
    Running,
    /// <summary>Open, due today or within the next few working days (HelpDesk:Dossiers:ReminderWorkingDays): not late yet.</summary>
    DueSoon,
    /// <summary>Open, with a due date already passed.</summary>
    Late,
    /// <summary>Waiting for the resident's missing papers.</summary>
    WaitingForPapers,
    /// <summary>Result ready, to be handed over.</summary>
    ToHandOver,
    /// <summary>Closed: returned, not accepted, rejected or withdrawn.</summary>
    Closed,
}

/// <summary>One line of the queue; no personal data (the resident's name shows on the dossier page, where the view is recorded).</summary>
public sealed record QueueRow(
    Guid Id, string Number, string ProcedureCode, DossierStatus Status, string PointCode, DateTimeOffset SubmittedAt,
    DateOnly? DueDate, bool Extended, string? AssignedTo, string? AssignedName);

/// <summary>What an officer is reminded of on top of the queue: their open dossiers due soon, and those already late.</summary>
public sealed record Reminder(int DueSoon, int Late, int WorkingDays)
{
    public bool Any => DueSoon + Late > 0;
}

/// <summary>One officer's open dossiers, for the leader: how many, how many due soon, how many late (officer null: nobody's yet).</summary>
public sealed record Workload(string? OfficerId, string? OfficerName, int Open, int DueSoon, int Late);

/// <summary>A ward officer or leader who can be made responsible for a dossier.</summary>
public sealed record Officer(string Id, string DisplayName);

/// <summary>What an officer asks for on the dossier page: the move, its reason, and what it needs.</summary>
public sealed record MoveRequest(DossierIntent Intent, int Version, string? Reason, DateOnly? NewDueDate, IReadOnlyCollection<string> Documents);

/// <summary>
/// The ward's side of the lifecycle: the queue, a dossier opened by its officers, the moves they make
/// and who is responsible. Ward staff and leaders see the dossiers of their own ward's points only.
/// </summary>
public sealed class DossierOffice(
    HelpDeskDbContext db, AuditLog audit, ProcedureCatalog catalog, HolidayCalendar calendar, TimeProvider clock, TrackingPageCache trackingPages,
    IOptions<HelpDeskOptions> options)
{
    public const int PageSize = 50;

    /// <summary>Statuses before the ward accepted the papers.</summary>
    private static readonly DossierStatus[] Intake = [DossierStatus.Submitted, DossierStatus.Resubmitted];
    private static readonly DossierStatus[] ClockRunning = [DossierStatus.Received, DossierStatus.InProcessing];
    private static readonly DossierStatus[] Final = [.. DossierLifecycle.FinalStatuses];

    /// <summary>The ward whose dossiers <paramref name="user"/> works on: ward staff and leaders of a ward, else none.</summary>
    public static Guid? WardOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.WardStaff) || user.IsInRole(Roles.Leader) ? user.WardId() : null;

    /// <summary>The role a move is made in: ward staff when the user is both.</summary>
    public static string OfficeRole(ClaimsPrincipal user) => user.IsInRole(Roles.WardStaff) ? Roles.WardStaff : Roles.Leader;

    /// <summary>
    /// One page of the ward's queue. Dossiers without a due date (waiting to be received, or for papers)
    /// come first, then the nearest due date, then the oldest.
    /// </summary>
    public async Task<(IReadOnlyList<QueueRow> Rows, bool More)> QueueAsync(
        Guid wardId, QueueView view, string? assignedTo, string? number, int pageIndex)
    {
        var today = VietnamTime.Today(clock.GetUtcNow());
        var soon = DueSoonUntil(today);
        var dossiers = OfWard(wardId);
        dossiers = view switch
        {
            QueueView.DueSoon => dossiers.DueSoon(today, soon),
            QueueView.ToReceive => dossiers.Where(d => Intake.Contains(d.Status)),
            QueueView.Running => dossiers.Where(d => ClockRunning.Contains(d.Status)),
            QueueView.Late => dossiers.Late(today),
            QueueView.WaitingForPapers => dossiers.Where(d => d.Status == DossierStatus.NeedsSupplement),
            QueueView.ToHandOver => dossiers.Where(d => d.Status == DossierStatus.ResultReady),
            QueueView.Closed => dossiers.Where(d => Final.Contains(d.Status)),
            _ => dossiers.StillOpen(),
        };
        if (!string.IsNullOrWhiteSpace(assignedTo)) dossiers = dossiers.Where(d => d.AssignedTo == assignedTo);
        if (!string.IsNullOrWhiteSpace(number)) dossiers = dossiers.Where(d => d.Number.Contains(number.Trim().ToUpperInvariant()));
        var ordered = view == QueueView.Closed
            ? dossiers.OrderByDescending(d => d.SubmittedAt)
            : dossiers.OrderBy(d => d.DueDate == null ? 0 : 1).ThenBy(d => d.DueDate).ThenBy(d => d.SubmittedAt);
        var rows = await (
            from d in ordered.Skip(pageIndex * PageSize).Take(PageSize + 1)
            join p in db.ServicePoints on d.PointId equals p.Id
            select new QueueRow(d.Id, d.Number, d.ProcedureCode, d.Status, p.Code, d.SubmittedAt, d.DueDate, d.Extended, d.AssignedTo,
                db.Users.Where(u => u.Id == d.AssignedTo).Select(u => u.DisplayName).FirstOrDefault())).ToListAsync();
        return (rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }

    /// <summary>How many of <paramref name="officerId"/>'s open dossiers are due soon, and how many are late.</summary>
    public async Task<Reminder> ReminderAsync(Guid wardId, string officerId)
    {
        var today = VietnamTime.Today(clock.GetUtcNow());
        var soon = DueSoonUntil(today);
        var mine = OfWard(wardId).Where(d => d.AssignedTo == officerId);
        var dueSoon = await mine.DueSoon(today, soon).CountAsync();
        var late = await mine.Late(today).CountAsync();
        return new Reminder(dueSoon, late, options.Value.Dossiers.ReminderWorkingDays);
    }

    /// <summary>
    /// Who is behind: the ward's open dossiers counted per responsible officer, the most late first, then the most
    /// due soon; the dossiers nobody is responsible for yet are one row with no officer.
    /// </summary>
    public async Task<IReadOnlyList<Workload>> WorkloadsAsync(Guid wardId)
    {
        var today = VietnamTime.Today(clock.GetUtcNow());
        var soon = DueSoonUntil(today);
        var open = OfWard(wardId).StillOpen();
        var opened = await PerOfficerAsync(open);
        var dueSoon = await PerOfficerAsync(open.DueSoon(today, soon));
        var late = await PerOfficerAsync(open.Late(today));
        var ids = opened.Keys.Where(id => id != "").ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return opened.Select(o => new Workload(o.Key == "" ? null : o.Key, names.GetValueOrDefault(o.Key), o.Value,
                dueSoon.GetValueOrDefault(o.Key), late.GetValueOrDefault(o.Key)))
            .OrderByDescending(w => w.Late).ThenByDescending(w => w.DueSoon).ThenBy(w => w.OfficerName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(Cultures.Vietnamese), true))
            .ToList();
    }

    /// <summary>How many of <paramref name="dossiers"/> each officer is responsible for ("" for nobody yet).</summary>
    private static async Task<Dictionary<string, int>> PerOfficerAsync(IQueryable<Dossier> dossiers) =>
        (await dossiers.GroupBy(d => d.AssignedTo).Select(g => new { Officer = g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(g => g.Officer ?? "", g => g.Count);

    private DateOnly DueSoonUntil(DateOnly today) => DeadlineQueries.Until(calendar, options.Value.Dossiers, today);

    private IQueryable<Dossier> OfWard(Guid wardId) =>
        db.Dossiers.AsNoTracking().Where(d => db.ServicePoints.Any(p => p.Id == d.PointId && p.WardId == wardId));

    /// <summary>The dossier with its history, when it belongs to <paramref name="user"/>'s ward; else null ("not found").</summary>
    public async Task<Dossier?> FindAsync(Guid id, ClaimsPrincipal user) =>
        WardOf(user) is { } ward
            ? await db.Dossiers.Include(d => d.Transitions)
                .SingleOrDefaultAsync(d => d.Id == id && db.ServicePoints.Any(p => p.Id == d.PointId && p.WardId == ward))
            : null;

    /// <summary>Ward staff and leaders of the ward, active ones, by name.</summary>
    public async Task<IReadOnlyList<Officer>> OfficersAsync(Guid wardId)
    {
        string[] office = [Roles.WardStaff, Roles.Leader];
        var roleIds = db.Roles.Where(r => office.Contains(r.Name!)).Select(r => r.Id);
        var officers = await db.Users.Where(u => u.WardId == wardId && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => new Officer(u.Id, u.DisplayName)).ToListAsync();
        return officers.OrderBy(o => o.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(Cultures.Vietnamese), true)).ToList();
    }

    /// <summary>Records that the officer opened the dossier, its answers and the resident's name.</summary>
    public Task RecordViewAsync(Dossier dossier, string userId) =>
        audit.SaveAsync(new AuditEntry(AuditActions.DossierViewed, userId, dossier.ResidentId, Subject(dossier), dossier.PointId, dossier.Number));

    /// <summary>
    /// Makes the move with its transition and audit event in one transaction. Throws <see cref="DomainException"/>
    /// (nothing written) when the table refuses it, a reason or date is missing, or the dossier changed since
    /// <see cref="MoveRequest.Version"/> was read (<see cref="ErrorCodes.DossierChangedMeanwhile"/>).
    /// </summary>
    public async Task MoveAsync(Dossier dossier, MoveRequest request, string userId, string role)
    {
        if (request.Version != dossier.Version) throw new DomainException(ErrorCodes.DossierChangedMeanwhile);
        var procedure = catalog.FindByCode(dossier.ProcedureCode)
            ?? throw new InvalidOperationException($"Procedure {dossier.ProcedureCode} is no longer in the catalog.");
        var now = clock.GetUtcNow();
        var reason = request.Reason ?? "";
        switch (request.Intent)
        {
            case DossierIntent.Receive: dossier.Receive(userId, role, now, procedure.TimeLimit, calendar); break;
            case DossierIntent.RefuseToAccept: dossier.RefuseToAccept(userId, role, reason, now); break;
            case DossierIntent.StartProcessing: dossier.StartProcessing(userId, role, now); break;
            case DossierIntent.RequestSupplement:
                var known = procedure.Documents.Select(d => d.Id).ToHashSet();
                dossier.RequestSupplement(userId, role, reason, now, request.Documents.Where(known.Contains));
                break;
            case DossierIntent.Resubmit: dossier.Resubmit(userId, role, now); break;
            case DossierIntent.Extend:
                dossier.Extend(userId, role, request.NewDueDate ?? throw new DomainException(ErrorCodes.DossierExtensionDate), reason, now, calendar);
                break;
            case DossierIntent.MarkResultReady: dossier.MarkResultReady(userId, role, now); break;
            case DossierIntent.Return: dossier.Return(userId, role, now); break;
            case DossierIntent.Reject: dossier.Reject(userId, role, reason, now); break;
            case DossierIntent.Withdraw: dossier.Withdraw(userId, role, reason, now); break;
            default: throw new DomainException(ErrorCodes.DossierMoveNotAllowed);
        }
        await SaveAsync(dossier, new AuditEntry(AuditActions.DossierMoved, userId, dossier.ResidentId, Subject(dossier), dossier.PointId, request.Intent.ToString()));
    }

    /// <summary>Makes <paramref name="officerId"/>, an officer of the dossier's ward, responsible for it.</summary>
    public async Task AssignAsync(Dossier dossier, int version, string officerId, string userId, string role, Guid wardId)
    {
        if (version != dossier.Version) throw new DomainException(ErrorCodes.DossierChangedMeanwhile);
        if ((await OfficersAsync(wardId)).All(o => o.Id != officerId)) throw new DomainException(ErrorCodes.DossierOfficerUnknown);
        dossier.AssignTo(officerId, role);
        await SaveAsync(dossier, new AuditEntry(AuditActions.DossierAssigned, userId, dossier.ResidentId, Subject(dossier), dossier.PointId, officerId));
    }

    /// <summary>The change and its audit event together; a concurrent change wins and this one is refused whole.</summary>
    private async Task SaveAsync(Dossier dossier, AuditEntry entry)
    {
        try
        {
            // AuditLog saves the context's changes with the event, in its own transaction.
            await audit.SaveAsync(entry);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException(ErrorCodes.DossierChangedMeanwhile);
        }
        // Committed: the public page shows the move at once, not when its cached copy expires.
        await trackingPages.EvictAsync(dossier);
    }

    private static string Subject(Dossier dossier) => $"dossier:{dossier.Id}";
}
