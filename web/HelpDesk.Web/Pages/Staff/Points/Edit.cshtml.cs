using System.Globalization;
using HelpDesk.Domain;
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

/// <summary>A coordinator edits a point of their ward: details, weekly sessions, suspension and closures on given dates.</summary>
[Authorize(Roles = Roles.Coordinator)]
public sealed class Edit(HelpDeskDbContext db, TimeProvider clock, IStringLocalizer<Strings> text) : PageModel
{
    public ServicePoint Point { get; private set; } = null!;
    public PointForm Form { get; private set; } = new();
    public ClosureInput Closure { get; private set; } = new();
    public DateOnly Today { get; } = VietnamTime.Today(clock.GetUtcNow());

    /// <summary>Closures still ahead; past ones are history and no longer shown.</summary>
    public IEnumerable<PointClosure> UpcomingClosures => Point.Closures.Where(c => c.Date >= Today);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await FindAsync(id) is not { } point) return NotFound();
        Point = point;
        Form = PointForm.From(point);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [Bind(Prefix = PointForm.Prefix)] PointForm form)
    {
        if (await FindAsync(id) is not { } point) return NotFound();
        Point = point;
        Form = form;
        if (!ModelState.IsValid || !form.TryApplyTo(point, ModelState, text))
        {
            Form.AddBlankRows();
            return Page();
        }
        await db.SaveChangesAsync();
        return RedirectToPage("Index");
    }

    public Task<IActionResult> OnPostSuspendAsync(Guid id) => ChangeAsync(id, point => point.Suspend());

    public Task<IActionResult> OnPostResumeAsync(Guid id) => ChangeAsync(id, point => point.Resume());

    public async Task<IActionResult> OnPostAddClosureAsync(Guid id, [Bind(Prefix = ClosureInput.Prefix)] ClosureInput closure)
    {
        if (await FindAsync(id) is not { } point) return NotFound();
        var dateKey = $"{ClosureInput.Prefix}.{nameof(closure.Date)}";
        if (ModelState.GetValidationState(dateKey) != ModelValidationState.Invalid)
        {
            if (closure.ParsedDate is not { } parsed) ModelState.AddModelError(dateKey, text["Points_ClosureDateInvalid"]);
            else if (parsed < Today) ModelState.AddModelError(dateKey, text["Points_ClosureInPast"]);
        }
        if (!ModelState.IsValid)
        {
            Point = point;
            Form = PointForm.From(point);
            Closure = closure;
            return Page();
        }
        point.CloseOn(closure.ParsedDate!.Value, closure.Reason!);
        await db.SaveChangesAsync();
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveClosureAsync(Guid id, string date)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return BadRequest();
        return await ChangeAsync(id, point => point.CancelClosure(day));
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Action<ServicePoint> change)
    {
        if (await FindAsync(id) is not { } point) return NotFound();
        change(point);
        await db.SaveChangesAsync();
        return RedirectToPage(new { id });
    }

    /// <summary>Only the coordinator's own ward: another ward's point does not exist for them.</summary>
    private Task<ServicePoint?> FindAsync(Guid id)
    {
        var ward = User.WardId();
        return db.ServicePoints.SingleOrDefaultAsync(p => p.Id == id && p.WardId == ward);
    }
}
