using System.Globalization;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Procedures;

/// <summary>Public: one procedure — who decides, how long, what it costs, and the papers to bring.</summary>
[AllowAnonymous]
public sealed class Details(ProcedureCatalog catalog, IStringLocalizer<Strings> text) : PageModel
{
    public ProcedureDefinition Procedure { get; private set; } = null!;
    public string Culture { get; } = CultureInfo.CurrentUICulture.Name;
    public string TimeLimitText => ProcedureTexts.TimeLimit(text, Procedure.TimeLimit);

    public string FormText(DocumentForm form) => ProcedureTexts.DocumentForm(text, form);

    public IActionResult OnGet(string slug)
    {
        if (catalog.FindBySlug(slug) is not { } procedure) return NotFound();
        Procedure = procedure;
        return Page();
    }
}
