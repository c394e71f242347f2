using System.ComponentModel.DataAnnotations;
using System.Globalization;
using HelpDesk.Domain;
using HelpDesk.Domain.Places;
using HelpDesk.Web.Pages.Points;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Staff.Points;

/// <summary>What a coordinator types about a point: its details and its weekly sessions, one row each.</summary>
public class PointForm
{
    /// <summary>Rows offered for sessions; blank rows are ignored.</summary>
    public const int SessionRows = 7;
    public const string Prefix = "Form";

    [Required, StringLength(200), Display(Name = "Points_FieldName")]
    public string? Name { get; set; }

    [Required, StringLength(400), Display(Name = "Points_FieldAddress")]
    public string? Address { get; set; }

    [StringLength(40), RegularExpression(@"^[0-9+ .()\-]+$", ErrorMessage = "Points_PhoneFormat"), Display(Name = "Points_FieldPhone")]
    public string? Phone { get; set; }

    [Display(Name = "Points_FieldDesks")]
    public int Desks { get; set; } = 2;

    public List<SessionRow> Sessions { get; set; } = [];

    public static PointForm From(ServicePoint point)
    {
        var form = new PointForm
        {
            Name = point.Name,
            Address = point.Address,
            Phone = point.Phone,
            Desks = point.Desks,
            Sessions = PointTexts.InWeekOrder(point.Schedule)
                .Select(s => new SessionRow { Day = s.Day, Opens = PointTexts.Time(s.Opens), Closes = PointTexts.Time(s.Closes) })
                .ToList(),
        };
        form.AddBlankRows();
        return form;
    }

    /// <summary>Fills up to <see cref="SessionRows"/> rows, never hiding a session already there.</summary>
    public void AddBlankRows()
    {
        while (Sessions.Count < SessionRows) Sessions.Add(new SessionRow());
    }

    /// <summary>
    /// Applies the details and the schedule to <paramref name="point"/>. The domain's refusals become
    /// errors next to their field; the caller saves only when this returns true.
    /// </summary>
    public bool TryApplyTo(ServicePoint point, ModelStateDictionary errors, IStringLocalizer text)
    {
        var applied = true;
        try
        {
            point.Update(Name!, Address!, Phone, Desks);
        }
        catch (DomainException refusal)
        {
            errors.AddModelError($"{Prefix}.{nameof(Desks)}", text["Error_" + refusal.Code]);
            applied = false;
        }

        var filled = Sessions.Where(row => !row.IsBlank).ToList();
        var sessions = filled.Select(row => row.ToSession()).OfType<WeeklySession>().ToList();
        if (sessions.Count < filled.Count)
        {
            errors.AddModelError($"{Prefix}.{nameof(Sessions)}", text["Points_SessionIncomplete"]);
            return false;
        }
        try
        {
            point.ReplaceSchedule(sessions);
        }
        catch (DomainException refusal)
        {
            errors.AddModelError($"{Prefix}.{nameof(Sessions)}", text["Error_" + refusal.Code]);
            applied = false;
        }
        return applied;
    }
}

/// <summary>The create form also asks for the code, which is fixed afterwards (it goes into dossier numbers).</summary>
public sealed class NewPointForm : PointForm
{
    [Required, RegularExpression("^[A-Za-z0-9]{2,10}$", ErrorMessage = "Points_CodeFormat"), Display(Name = "Points_FieldCode")]
    public string? Code { get; set; }
}

/// <summary>One weekly session as typed: a day and two <c>&lt;input type="time"&gt;</c> values.</summary>
public sealed class SessionRow
{
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    public DayOfWeek? Day { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }

    public bool IsBlank => Day is null && string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes);

    /// <summary>The session, or null when the day or a time is missing or unreadable.</summary>
    public WeeklySession? ToSession() =>
        Day is { } day && ParseTime(Opens) is { } opens && ParseTime(Closes) is { } closes
            ? new WeeklySession(day, opens, closes)
            : null;

    private static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}

/// <summary>A date on which the point stays closed, and the reason shown to the public.</summary>
public sealed class ClosureInput
{
    public const string Prefix = "Closure";

    [Required, Display(Name = "Points_ClosureDate")]
    public string? Date { get; set; }

    [Required, StringLength(200), Display(Name = "Points_ClosureReason")]
    public string? Reason { get; set; }

    /// <summary>The date from <c>&lt;input type="date"&gt;</c> (yyyy-MM-dd), or null.</summary>
    public DateOnly? ParsedDate =>
        DateOnly.TryParseExact(Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
