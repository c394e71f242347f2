using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Places;
using HelpDesk.Web.Data;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Staff.Points;

/// <summary>A coordinator opens a new service point in their ward.</summary>
[Authorize(Roles = Roles.Coordinator)]
public sealed class New(HelpDeskDbContext db, IStringLocalizer<Strings> text) : PageModel
{
    public NewPointForm Form { get; private set; } = new();

    public IActionResult OnGet()
    {
        if (User.WardId() is null) return NotFound();
        Form.AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = PointForm.Prefix)] NewPointForm form)
    {
        if (User.WardId() is not { } ward) return NotFound();
        Form = form;
        var code = form.Code?.Trim().ToUpperInvariant() ?? "";
        if (ModelState.GetFieldValidationState($"{PointForm.Prefix}.{nameof(form.Code)}") == ModelValidationState.Valid
            && await CodeTakenAsync(code))
            ModelState.AddModelError($"{PointForm.Prefix}.{nameof(form.Code)}", text["Error_PointCodeTaken"]);
        if (!ModelState.IsValid) return Redisplay();

        var point = new ServicePoint(ward, code, form.Name!, form.Address!);
        if (!form.TryApplyTo(point, ModelState, text)) return Redisplay();
        db.ServicePoints.Add(point);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another coordinator took the same code between the check above and this save.
            db.ChangeTracker.Clear();
            if (!await CodeTakenAsync(code)) throw;
            ModelState.AddModelError($"{PointForm.Prefix}.{nameof(form.Code)}", text["Error_PointCodeTaken"]);
            return Redisplay();
        }
        return RedirectToPage("Edit", new { id = point.Id });
    }

    private Task<bool> CodeTakenAsync(string code) => db.ServicePoints.AnyAsync(p => p.Code == code);

    private PageResult Redisplay()
    {
        Form.AddBlankRows();
        return Page();
    }
}
