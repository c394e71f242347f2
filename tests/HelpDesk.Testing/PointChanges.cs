using HelpDesk.Domain.Places;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Testing;

/// <summary>Changes a service point straight in the app's database, for tests that need a point in a given state (suspended, closed on a date…).</summary>
public static class PointChanges
{
    public static async Task ChangePointAsync(this HelpDeskApp app, Guid pointId, Action<ServicePoint> change)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        change(await db.ServicePoints.SingleAsync(p => p.Id == pointId));
        await db.SaveChangesAsync();
    }
}
