using HelpDesk.Domain.Audit;
using HelpDesk.Testing;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Audit;

/// <summary>The audit log: one gap-free hash chain, written with the change it records, that shows any later edit or deletion.</summary>
public abstract class AuditLogTests(DatabaseProviderChoice choice)
{
    private static async Task RecordAsync(HelpDeskApp app, params AuditEntry[] entries)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().SaveAsync(entries);
    }

    private static async Task<long?> FirstBrokenAsync(HelpDeskApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditLog>().FirstBrokenAsync();
    }

    private static async Task ExecuteAsync(HelpDeskApp app, string sql)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private static AuditEntry Viewed(int n) => new(AuditActions.ResidentViewed, "user-" + n, Guid.NewGuid(), Detail: n.ToString());

    [Fact]
    public async Task Events_form_one_chain_from_sequence_one_that_checks_out_intact()
    {
        await using var app = new HelpDeskApp(choice.Provider);
        await RecordAsync(app, Viewed(1));
        await RecordAsync(app, Viewed(2), Viewed(3));

        using var scope = app.Services.CreateScope();
        var events = await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().AuditEvents.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Sequence));
        Assert.Equal(AuditEvent.Genesis, events[0].PreviousHash);
        Assert.Equal(events[0].Hash, events[1].PreviousHash);
        Assert.Equal(events[1].Hash, events[2].PreviousHash);
        Assert.Null(await FirstBrokenAsync(app));
    }

    [Fact]
    public async Task An_event_changed_afterwards_breaks_the_chain_at_that_event()
    {
        await using var app = new HelpDeskApp(choice.Provider);
        await RecordAsync(app, Viewed(1), Viewed(2), Viewed(3));

        await ExecuteAsync(app, "UPDATE \"AuditEvents\" SET \"UserId\" = 'someone-else' WHERE \"Sequence\" = 2");

        Assert.Equal(2, await FirstBrokenAsync(app));
    }

    [Fact]
    public async Task An_event_deleted_afterwards_is_found_missing()
    {
        await using var app = new HelpDeskApp(choice.Provider);
        await RecordAsync(app, Viewed(1), Viewed(2), Viewed(3));

        await ExecuteAsync(app, "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 2");

        Assert.Equal(2, await FirstBrokenAsync(app));
    }

    [Fact]
    public async Task Writers_at_the_same_moment_still_make_one_unbroken_chain()
    {
        await using var app = new HelpDeskApp(choice.Provider);
        _ = app.Services; // started once, before the writers race

        await Task.WhenAll(Enumerable.Range(1, 12).Select(n => Task.Run(() => RecordAsync(app, Viewed(n)))));

        using var scope = app.Services.CreateScope();
        var sequences = await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().AuditEvents.Select(e => e.Sequence).OrderBy(s => s).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => (long)n), sequences);
        Assert.Null(await FirstBrokenAsync(app));
    }

    [Fact]
    public async Task A_change_whose_save_fails_leaves_no_event_behind()
    {
        await using var app = new HelpDeskApp(choice.Provider);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
            // A name token of a resident who does not exist: the foreign key refuses the whole save.
            db.ResidentNameTokens.Add(new HelpDesk.Domain.People.ResidentNameToken(Guid.NewGuid(), "lam", Guid.NewGuid(), "lam", new DateOnly(1990, 1, 1)));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => scope.ServiceProvider.GetRequiredService<AuditLog>().SaveAsync(Viewed(1)));
        }

        using var check = app.Services.CreateScope();
        Assert.Equal(0, await check.ServiceProvider.GetRequiredService<HelpDeskDbContext>().AuditEvents.CountAsync());
    }
}

public sealed class AuditLogTestsOnSqlite() : AuditLogTests(DatabaseProviderChoice.Sqlite);
public sealed class AuditLogTestsOnPostgres() : AuditLogTests(DatabaseProviderChoice.Postgres);
