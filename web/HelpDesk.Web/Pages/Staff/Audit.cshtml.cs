using System.Globalization;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages.Staff;

/// <summary>
/// The ward's audit log (<see cref="WardAudit"/>), for its officers, who audit, and its leaders, who oversee;
/// not for coordinators, whose work is points and people, nor volunteers. Who did what to which record, newest
/// first, a page at a time by sequence number (the log grows to millions), and — on request, as it reads every
/// ward's events — whether the chain still checks out. Reading the log is recorded like any other act.
/// Residents appear by the start of their id only: no name, no ID number.
/// </summary>
[Authorize(Roles = $"{Roles.WardStaff},{Roles.Leader}")]
public sealed class AuditTrail(HelpDeskDbContext db, AuditLog audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "action")] public string? Act { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? Who { get; set; }
    [BindProperty(SupportsGet = true, Name = "resident")] public Guid? Resident { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    /// <summary>Keyset cursors: the events older than <see cref="Before"/>, or the page just newer than <see cref="After"/>.</summary>
    [BindProperty(SupportsGet = true, Name = "before")] public long? Before { get; set; }
    [BindProperty(SupportsGet = true, Name = "after")] public long? After { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>The ward's staff and volunteers, for the "who" filter (residents acting on their own account are not listed).</summary>
    public IReadOnlyList<Person> People { get; private set; } = [];
    public bool HasNewer { get; private set; }
    public bool HasOlder { get; private set; }
    public bool DatesReversed => From > To;
    /// <summary>The result of the chain check, when this response ran one.</summary>
    public ChainCheck? Chain { get; private set; }
    /// <summary>An entry noted earlier in the paper register (its number and fingerprint), to check the chain against.</summary>
    [BindProperty] public long? NotedNumber { get; set; }
    [BindProperty] public string? NotedFingerprint { get; set; }
    /// <summary>Something was typed in the noted-entry fields but it is not a number and a 12-digit fingerprint.</summary>
    public bool NotedInvalid { get; private set; }

    public sealed record Person(string Id, string DisplayName, string UserName);

    /// <summary>
    /// One event as shown. <see cref="WhoName"/> is null for a resident's own act and for an unknown account;
    /// <see cref="SubjectKey"/> names the kind of record acted on.
    /// </summary>
    public sealed record Row(long Sequence, DateTimeOffset LocalTime, string UserId, string? WhoName, bool ByResident, string ActionKey,
        string Action, string? SubjectKey, string? SubjectId, Guid? ResidentId, string? PointCode, string? Detail);

    public Task<IActionResult> OnGetAsync() => ShowAsync(verify: false);

    /// <summary>Checks the whole chain, then shows the same page of events.</summary>
    public Task<IActionResult> OnPostVerifyAsync() => ShowAsync(verify: true);

    /// <summary>The first eight characters of an id: enough to tell records apart on a page.</summary>
    public static string Short(string id) => id.Length > 8 ? id[..8] : id;

    public static string Short(Guid id) => Short(id.ToString());

    /// <summary>The filters in force, as query values (cursors excluded).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Filters =>
        new Dictionary<string, string?>
        {
            ["action"] = Act,
            ["user"] = Who,
            ["resident"] = Resident?.ToString(),
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }.Where(f => !string.IsNullOrEmpty(f.Value));

    /// <summary>This page with the filters in force, <paramref name="changes"/> applied (a null value drops that filter).</summary>
    public string Link(params (string Name, string? Value)[] changes)
    {
        var values = Filters.ToDictionary();
        foreach (var (name, value) in changes) values[name] = value;
        return QueryHelpers.AddQueryString(Url.Content("~/staff/audit"), values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    private async Task<IActionResult> ShowAsync(bool verify)
    {
        if (User.WardId() is { } ward)
        {
            // Another ward's resident does not exist here, as everywhere else.
            if (Resident is { } resident && !await db.Residents.AnyAsync(r => r.Id == resident && r.WardId == ward)) return NotFound();
            await LoadAsync(ward);
        }
        else if (Resident is not null) return NotFound();
        if (verify)
        {
            var noted = AuditAnchor.Parse(NotedNumber, NotedFingerprint);
            NotedInvalid = noted is null && (NotedNumber is not null || !string.IsNullOrWhiteSpace(NotedFingerprint));
            if (NotedInvalid) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            else Chain = await audit.CheckChainAsync(noted);
        }
        await audit.SaveAsync(new AuditEntry(AuditActions.AuditViewed, User.UserId(), Resident,
            User.WardId() is { } own ? AuditSubjects.OfWard(own) : null, Detail: WhatWasAsked(verify)));
        return Page();
    }

    /// <summary>The kinds of filter used, not their values: "action,user,from,older,verify".</summary>
    private string? WhatWasAsked(bool verify)
    {
        IEnumerable<string?> asked = [.. Filters.Select(f => f.Key), Before is null ? null : "older", After is null ? null : "newer", verify ? "verify" : null, verify && NotedNumber is not null ? "noted" : null];
        var detail = string.Join(',', asked.OfType<string>());
        return detail.Length == 0 ? null : detail;
    }

    private async Task LoadAsync(Guid ward)
    {
        var events = Filtered(db.AuditEventsOfWard(ward).AsNoTracking());
        List<AuditEvent> shown;
        if (After is { } after)
        {
            shown = await events.Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(PageSize + 1).ToListAsync();
            HasNewer = shown.Count > PageSize;
            shown = shown.Take(PageSize).Reverse().ToList();
            var oldest = shown.Count > 0 ? shown[^1].Sequence : after + 1;
            HasOlder = await events.AnyAsync(e => e.Sequence < oldest);
        }
        else
        {
            var older = Before is { } before ? events.Where(e => e.Sequence < before) : events;
            shown = await older.OrderByDescending(e => e.Sequence).Take(PageSize + 1).ToListAsync();
            HasOlder = shown.Count > PageSize;
            shown = shown.Take(PageSize).ToList();
            if (Before is { } cursor)
            {
                var newest = shown.Count > 0 ? shown[0].Sequence : cursor - 1;
                HasNewer = await events.AnyAsync(e => e.Sequence > newest);
            }
        }

        var userIds = shown.Select(e => e.UserId).Append(Who ?? "").Distinct().ToList();
        var residentRole = db.Roles.Where(r => r.Name == Roles.Resident).Select(r => r.Id);
        var residentUsers = db.UserRoles.Where(ur => residentRole.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var accounts = await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName, IsResident = residentUsers.Contains(u.Id) }).ToDictionaryAsync(u => u.Id);
        var points = await db.ServicePoints.Where(p => p.WardId == ward).ToDictionaryAsync(p => p.Id, p => p.Code);

        Rows = shown.Select(e =>
        {
            var account = accounts.GetValueOrDefault(e.UserId);
            var subject = AuditSubjects.Parse(e.Subject);
            return new Row(e.Sequence, VietnamTime.ToLocal(e.At), e.UserId, account is { IsResident: false } ? account.DisplayName : null,
                account?.IsResident == true, TextsIn.KeyOf("AuditAction_", e.Action), e.Action,
                subject is { Kind: var kind } ? AuditSubjects.Kinds.Contains(kind) ? TextsIn.KeyOf("AuditSubject_", kind) : "AuditLog_Record" : null,
                subject?.Id, e.ResidentId,
                e.PointId is { } point ? points.GetValueOrDefault(point) : null, AuditDetail.Shown(e.Detail));
        }).ToList();

        var names = StringComparer.Create(CultureInfo.GetCultureInfo(Cultures.Vietnamese), ignoreCase: true);
        var people = await db.Users.Where(u => u.WardId == ward && !residentUsers.Contains(u.Id))
            .Select(u => new Person(u.Id, u.DisplayName, u.UserName ?? "")).ToListAsync();
        // Someone filtered on from a row who has since moved to another ward stays selectable.
        if (Who is not null && people.All(p => p.Id != Who) && accounts.GetValueOrDefault(Who) is { IsResident: false } moved)
            people.Add(new Person(moved.Id, moved.DisplayName, moved.UserName ?? ""));
        People = people.OrderBy(p => p.DisplayName, names).ThenBy(p => p.UserName, StringComparer.Ordinal).ToList();
    }

    private IQueryable<AuditEvent> Filtered(IQueryable<AuditEvent> events)
    {
        if (!string.IsNullOrEmpty(Act)) events = events.Where(e => e.Action == Act);
        if (!string.IsNullOrEmpty(Who)) events = events.Where(e => e.UserId == Who);
        if (Resident is { } resident) events = events.Where(e => e.ResidentId == resident);
        // Vietnam dates, both days included.
        if (From is { } from)
        {
            var start = VietnamTime.At(Sane(from), TimeOnly.MinValue);
            events = events.Where(e => e.At >= start);
        }
        if (To is { } to)
        {
            var end = VietnamTime.At(Sane(to).AddDays(1), TimeOnly.MinValue);
            events = events.Where(e => e.At < end);
        }
        return events;
    }

    /// <summary>A typed date within years the log can hold, so that year 1 or 9999 cannot overflow an instant.</summary>
    private static DateOnly Sane(DateOnly day) => day < EarliestDay ? EarliestDay : day > LatestDay ? LatestDay : day;

    private static readonly DateOnly EarliestDay = new(2000, 1, 1);
    private static readonly DateOnly LatestDay = new(2999, 12, 31);
}
