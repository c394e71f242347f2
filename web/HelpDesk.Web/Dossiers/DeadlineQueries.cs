using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Web.Setup;

namespace HelpDesk.Web.Dossiers;

/// <summary>"Open", "due soon" and "late", one definition each for the ward's queue, its reminders and the reminder e-mails.</summary>
public static class DeadlineQueries
{
    private static readonly DossierStatus[] Final = [.. DossierLifecycle.FinalStatuses];

    /// <summary>The last day of "due soon": so many working days after today (today itself when it is not one).</summary>
    public static DateOnly Until(HolidayCalendar calendar, HelpDeskOptions.DossierOptions options, DateOnly today) =>
        calendar.AddWorkingDays(today, options.ReminderWorkingDays);

    /// <summary>Dossiers not yet returned, refused or withdrawn.</summary>
    public static IQueryable<Dossier> StillOpen(this IQueryable<Dossier> dossiers) => dossiers.Where(d => !Final.Contains(d.Status));

    /// <summary>Open dossiers due from <paramref name="today"/> to <paramref name="until"/>: not late yet.</summary>
    public static IQueryable<Dossier> DueSoon(this IQueryable<Dossier> dossiers, DateOnly today, DateOnly until) =>
        dossiers.StillOpen().Where(d => d.DueDate >= today && d.DueDate <= until);

    /// <summary>Open dossiers whose due date has passed.</summary>
    public static IQueryable<Dossier> Late(this IQueryable<Dossier> dossiers, DateOnly today) =>
        dossiers.StillOpen().Where(d => d.DueDate < today);
}
