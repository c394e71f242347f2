using System.Globalization;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Procedures;

/// <summary>Public: the procedures a desk can help with, so a resident knows what to bring.</summary>
[AllowAnonymous]
public sealed class Catalog(ProcedureCatalog catalog, IStringLocalizer<Strings> text) : PageModel
{
    public IReadOnlyList<ProcedureDefinition> Procedures => catalog.All;
    public string Culture { get; } = CultureInfo.CurrentUICulture.Name;

    public string TimeLimitText(TimeLimit limit) => ProcedureTexts.TimeLimit(text, limit);

    public void OnGet() { }
}

/// <summary>How procedure facts read in the visitor's language; shared by the catalog pages.</summary>
public static class ProcedureTexts
{
    public static string TimeLimit(IStringLocalizer text, TimeLimit limit) => text[TimeLimitKey(limit), limit.Value];

    /// <summary>The text key for <paramref name="limit"/>; its one placeholder, if any, is the number of days.</summary>
    public static string TimeLimitKey(TimeLimit limit) => limit.Kind switch
    {
        TimeLimitKind.SameDay => "Procedures_SameDay",
        TimeLimitKind.WorkingDays => "Procedures_WorkingDays",
        TimeLimitKind.Days => "Procedures_Days",
        _ => "Procedures_NoTimeLimit",
    };

    public static string DocumentForm(IStringLocalizer text, DocumentForm form) => text["DocumentForm_" + form];
}
