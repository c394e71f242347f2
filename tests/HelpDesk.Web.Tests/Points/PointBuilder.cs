using HelpDesk.Domain.Places;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Points;

/// <summary>
/// Service points for tests, with the evening-desk defaults of the seeds (Tue/Wed/Thu 17:30–20:30,
/// Saturday 8:00–11:00, two desks) and a fresh code each time; a test changes only what it is about.
/// </summary>
public sealed class PointBuilder
{
    public static readonly IReadOnlyList<WeeklySession> EveningSchedule =
    [
        new(DayOfWeek.Tuesday, new TimeOnly(17, 30), new TimeOnly(20, 30)),
        new(DayOfWeek.Wednesday, new TimeOnly(17, 30), new TimeOnly(20, 30)),
        new(DayOfWeek.Thursday, new TimeOnly(17, 30), new TimeOnly(20, 30)),
        new(DayOfWeek.Saturday, new TimeOnly(8, 0), new TimeOnly(11, 0)),
    ];

    private readonly Guid _ward;
    private string _code = NewCode();
    private string _name = "Điểm hỗ trợ Khu phố 1";
    private IReadOnlyList<WeeklySession> _schedule = EveningSchedule;
    private readonly List<PointClosure> _closures = [];
    private bool _suspended;

    private PointBuilder(Guid ward) => _ward = ward;

    public static PointBuilder InWard(Guid ward) => new(ward);

    /// <summary>A code no other test uses: the code is unique across all wards.</summary>
    public static string NewCode() => "T" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();

    public PointBuilder WithCode(string code) { _code = code; return this; }
    public PointBuilder Named(string name) { _name = name; return this; }
    public PointBuilder WithSchedule(params WeeklySession[] sessions) { _schedule = sessions; return this; }
    public PointBuilder ClosedOn(DateOnly date, string reason) { _closures.Add(new PointClosure(date, reason)); return this; }
    public PointBuilder Suspended() { _suspended = true; return this; }

    public async Task<ServicePoint> SaveAsync(HelpDeskApp app)
    {
        var point = new ServicePoint(_ward, _code, _name, "12 Trần Hưng Đạo, Phường Chợ Lớn");
        point.Update(_name, point.Address, "028 3855 0101", desks: 2);
        point.ReplaceSchedule(_schedule);
        foreach (var closure in _closures) point.CloseOn(closure.Date, closure.Reason);
        if (_suspended) point.Suspend();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        db.ServicePoints.Add(point);
        await db.SaveChangesAsync();
        return point;
    }
}

public static class TestPlaces
{
    /// <summary>A ward other than the one test accounts belong to.</summary>
    public static async Task<Ward> CreateWardAsync(this HelpDeskApp app, string name = "Phường Bên Cạnh")
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var ward = new Ward(name, "Thành phố Hồ Chí Minh");
        db.Wards.Add(ward);
        await db.SaveChangesAsync();
        return ward;
    }

    /// <summary>The point as stored now, read in a fresh scope.</summary>
    public static async Task<ServicePoint?> FindPointAsync(this HelpDeskApp app, string code)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        return await db.ServicePoints.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code.ToUpperInvariant());
    }
}
