using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Web.Setup;

namespace HelpDesk.Web.Dossiers;

/// <summary>"Due soon", one definition for the ward's queue and the reminder e-mails.</summary>
public static class DueSoonQueries
{
    private static readonly DossierStatus[] Final = [.. DossierLifecycle.FinalStatuses];

    /// <summary>The last day of "due soon": so many working days after today (today itself when it is not one).</summary>
    public static DateOnly Until(HolidayCalendar calendar, HelpDeskOptions.DossierOptions options, DateOnly today) =>
        calendar.AddWorkingDays(today, options.ReminderWorkingDays);

    /// <summary>Open dossiers due from <paramref name="today"/> to <paramref name="until"/>: not late yet.</summary>
    public static IQueryable<Dossier> DueSoon(this IQueryable<Dossier> dossiers, DateOnly today, DateOnly until) =>
        dossiers.Where(d => !Final.Contains(d.Status) && d.DueDate >= today && d.DueDate <= until);
}
