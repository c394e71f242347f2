using HelpDesk.Domain;
using HelpDesk.Domain.Places;
using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages.Points;

/// <summary>
/// Public: every service point by ward, with its hours, whether it is open right now and the
/// closures coming up. Its address, /points, is printed on paper notices; it shows no personal data.
/// </summary>
[AllowAnonymous]
public sealed class PointDirectory(HelpDeskDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>How far ahead closures are announced.</summary>
    public const int ClosureNoticeDays = 14;

    public DateTimeOffset Now { get; } = clock.GetUtcNow();
    public DateOnly Today => VietnamTime.Today(Now);
    public IReadOnlyList<WardPoints> Wards { get; private set; } = [];

    public sealed record WardPoints(Ward Ward, IReadOnlyList<PointNow> Points);

    /// <summary>A point as a visitor sees it at this moment.</summary>
    public sealed record PointNow(ServicePoint Point, DeskSession? Current, DeskSession? Next, IReadOnlyList<PointClosure> Closures);

    public async Task OnGetAsync()
    {
        var wards = await db.Wards.AsNoTracking().ToListAsync();
        var points = await db.ServicePoints.AsNoTracking().ToListAsync();
        var names = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(Cultures.Vietnamese), ignoreCase: true);
        Wards = wards
            .Select(ward => new WardPoints(ward, points
                .Where(p => p.WardId == ward.Id)
                .OrderBy(p => p.Name, names)
                .Select(See)
                .ToList()))
            .Where(w => w.Points.Count > 0)
            .OrderBy(w => w.Ward.Name, names)
            .ToList();
    }

    private PointNow See(ServicePoint point)
    {
        var current = point.SessionAt(Now);
        var closures = point.Closures.Where(c => c.Date >= Today && c.Date <= Today.AddDays(ClosureNoticeDays)).ToList();
        return new PointNow(point, current, current is null ? point.NextSession(Now) : null, closures);
    }
}
