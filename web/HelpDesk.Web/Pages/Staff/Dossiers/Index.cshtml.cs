using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Dossiers;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDesk.Web.Pages.Staff.Dossiers;

/// <summary>
/// The ward's queue of dossiers filed at its points: what waits to be received, what runs against its
/// due date (late ones stand out), what waits for papers or for hand-over. It names no resident. On top, the
/// officer is reminded of their own dossiers due within a few working days and of those already late; a leader
/// also sees who is behind.
/// </summary>
[Authorize(Roles = $"{Roles.WardStaff},{Roles.Leader}")]
public sealed class Queue(DossierOffice office, ProcedureCatalog catalog, HolidayCalendar calendar, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public QueueView View { get; set; }
    /// <summary>Only the dossiers the current officer is responsible for.</summary>
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    /// <summary>Part of a dossier number, as typed from a paper register.</summary>
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageIndex { get; set; }

    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];
    public bool More { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>The current officer's own dossiers that are due soon or late.</summary>
    public Reminder Reminder { get; private set; } = new(0, 0, 0);
    /// <summary>For a leader: each officer's open, due-soon and late dossiers.</summary>
    public IReadOnlyList<Workload> Workloads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (DossierOffice.WardOf(User) is not { } ward) return NotFound();
        Today = VietnamTime.Today(clock.GetUtcNow());
        PageIndex = Math.Max(0, PageIndex);
        (Rows, More) = await office.QueueAsync(ward, View, Mine ? User.UserId() : null, Number, PageIndex);
        Reminder = await office.ReminderAsync(ward, User.UserId());
        if (User.IsInRole(Roles.Leader)) Workloads = await office.WorkloadsAsync(ward);
        return Page();
    }

    public string ProcedureName(string code) =>
        catalog.FindByCode(code)?.Name.In(System.Globalization.CultureInfo.CurrentUICulture.Name) ?? code;

    /// <summary>Working days from today to the due date: negative when late, 0 on the day.</summary>
    public int WorkingDaysLeft(DateOnly due) => calendar.WorkingDaysBetween(Today, due);

    public static IEnumerable<QueueView> Views => Enum.GetValues<QueueView>();

    /// <summary>The query string of this list on page <paramref name="index"/>, keeping the filters.</summary>
    public Dictionary<string, string> RouteFor(int index) => new()
    {
        ["view"] = View.ToString(),
        ["mine"] = Mine ? "true" : "false",
        ["number"] = Number ?? "",
        ["p"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
