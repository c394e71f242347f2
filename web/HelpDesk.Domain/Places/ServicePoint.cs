namespace HelpDesk.Domain.Places;

/// <summary>
/// An online public service point: a desk in a neighbourhood where volunteers help residents,
/// open for a few sessions a week (e.g. Tue/Wed/Thu 17:30–20:30, Sat 8:00–11:00).
/// </summary>
public sealed class ServicePoint
{
    public const int MaxDesks = 20;
    private readonly List<WeeklySession> _schedule = [];
    private readonly List<PointClosure> _closures = [];

    private ServicePoint() { }

    public ServicePoint(Guid wardId, string code, string name, string address)
    {
        Id = Guid.NewGuid();
        WardId = wardId;
        Code = Required(code, nameof(code)).ToUpperInvariant();
        Update(name, address, phone: null, desks: 2);
    }

    public Guid Id { get; private set; }
    public Guid WardId { get; private set; }
    /// <summary>Short code that goes into dossier numbers; fixed once dossiers carry it.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string? Phone { get; private set; }
    public int Desks { get; private set; }
    /// <summary>A suspended point takes nobody until it is resumed, whatever its schedule says.</summary>
    public bool IsSuspended { get; private set; }
    public IReadOnlyList<WeeklySession> Schedule => _schedule;
    public IReadOnlyList<PointClosure> Closures => _closures;

    public void Update(string name, string address, string? phone, int desks)
    {
        if (desks is < 1 or > MaxDesks) throw new DomainException(ErrorCodes.PointDesks);
        Name = Required(name, nameof(name));
        Address = Required(address, nameof(address));
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        Desks = desks;
    }

    /// <summary>Replaces the weekly sessions; each must end after it starts and none may overlap on a day.</summary>
    public void ReplaceSchedule(IEnumerable<WeeklySession> sessions)
    {
        var list = sessions.OrderBy(s => s.Day).ThenBy(s => s.Opens).ToList();
        if (list.Any(s => s.Closes <= s.Opens)) throw new DomainException(ErrorCodes.PointSessionTimes);
        if (list.Zip(list.Skip(1)).Any(pair => pair.First.Day == pair.Second.Day && pair.Second.Opens < pair.First.Closes))
            throw new DomainException(ErrorCodes.PointSessionsOverlap);
        _schedule.Clear();
        _schedule.AddRange(list);
    }

    public void Suspend() => IsSuspended = true;
    public void Resume() => IsSuspended = false;

    /// <summary>Closes the point on one date (a holiday, a meeting); a date already closed keeps its first reason.</summary>
    public void CloseOn(DateOnly date, string reason)
    {
        if (_closures.Any(c => c.Date == date)) return;
        _closures.Add(new PointClosure(date, Required(reason, nameof(reason))));
        _closures.Sort((a, b) => a.Date.CompareTo(b.Date));
    }

    public void CancelClosure(DateOnly date) => _closures.RemoveAll(c => c.Date == date);

    public bool IsClosedOn(DateOnly date) => IsSuspended || _closures.Any(c => c.Date == date);

    /// <summary>The sessions held on <paramref name="date"/>: none when suspended or closed that day.</summary>
    public IReadOnlyList<DeskSession> SessionsOn(DateOnly date) =>
        IsClosedOn(date)
            ? []
            : _schedule.Where(s => s.Day == date.DayOfWeek).Select(s => new DeskSession(Id, date, s.Opens, s.Closes)).ToList();

    /// <summary>The session going on at <paramref name="now"/>, or null.</summary>
    public DeskSession? SessionAt(DateTimeOffset now) =>
        SessionsOn(VietnamTime.Today(now)).FirstOrDefault(s => s.StartsAt <= now && now < s.EndsAt);

    /// <summary>The session a volunteer may check in to at <paramref name="now"/>: one in progress or starting within the lead time.</summary>
    public DeskSession? SessionForCheckIn(DateTimeOffset now) =>
        SessionsOn(VietnamTime.Today(now)).FirstOrDefault(s => s.StartsAt - DeskSession.CheckInLead <= now && now < s.EndsAt);

    /// <summary>The next session that has not ended, looking up to two weeks ahead.</summary>
    public DeskSession? NextSession(DateTimeOffset now)
    {
        var today = VietnamTime.Today(now);
        return Enumerable.Range(0, 15).SelectMany(d => SessionsOn(today.AddDays(d))).FirstOrDefault(s => s.EndsAt > now);
    }

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Required.", name) : value.Trim();
}

/// <summary>A weekly opening, e.g. Tuesday 17:30–20:30, in Vietnam time.</summary>
public sealed record WeeklySession(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>A date on which the point is closed, and why (shown to the public).</summary>
public sealed record PointClosure(DateOnly Date, string Reason);

/// <summary>One session of one point on one date.</summary>
public sealed record DeskSession(Guid PointId, DateOnly Date, TimeOnly Opens, TimeOnly Closes)
{
    /// <summary>Volunteers may check in this long before the doors open, to set up.</summary>
    public static readonly TimeSpan CheckInLead = TimeSpan.FromMinutes(30);

    public DateTimeOffset StartsAt => VietnamTime.At(Date, Opens);
    public DateTimeOffset EndsAt => VietnamTime.At(Date, Closes);
}
