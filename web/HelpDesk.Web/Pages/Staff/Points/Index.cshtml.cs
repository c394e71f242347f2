using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Places;
using HelpDesk.Web.Data;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Pages.Staff.Points;

/// <summary>The coordinator's ward's service points, with their schedule and whether they are suspended.</summary>
[Authorize(Roles = Roles.Coordinator)]
public sealed class PointList(HelpDeskDbContext db) : PageModel
{
    public IReadOnlyList<ServicePoint> Points { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ward = User.WardId();
        Points = await db.ServicePoints.AsNoTracking().Where(p => p.WardId == ward).OrderBy(p => p.Code).ToListAsync();
    }
}
