using HelpDesk.Domain.Procedures;

namespace HelpDesk.Domain.Calendar;

/// <summary>
/// A weekday off, or a weekend day worked. Published days carry their published
/// <see cref="Name"/>; days computed from the Labour Code carry a <see cref="Code"/> instead,
/// which pages translate (the domain returns codes, not sentences).
/// </summary>
public sealed record Holiday(DateOnly Date, LocalizedText? Name, string? Code = null);

/// <summary>
/// The days off and the make-up working days of one calendar year, either as published by the
/// Government (<see cref="IsPublished"/>) or computed from the Labour Code.
/// </summary>
public sealed record HolidayYear(int Year, string Source, IReadOnlyList<Holiday> DaysOff, IReadOnlyList<Holiday> WorkingWeekendDays, bool IsPublished)
{
    public bool IsDayOff(DateOnly date) => DaysOff.Any(d => d.Date == date);
    public bool IsWorkingWeekendDay(DateOnly date) => WorkingWeekendDays.Any(d => d.Date == date);
}

/// <summary>Codes of the days computed by <see cref="LabourCodeHolidays"/>; a substitute day carries its holiday's code plus <see cref="SubstituteSuffix"/>.</summary>
public static class HolidayCodes
{
    public const string NewYear = "newYear";
    public const string LunarNewYear = "lunarNewYear";
    public const string HungKings = "hungKings";
    public const string ReunificationDay = "reunificationDay";
    public const string LabourDay = "labourDay";
    public const string NationalDay = "nationalDay";
    public const string SubstituteSuffix = ".substitute";
}
