using System.Diagnostics;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Places;
using HelpDesk.Web.Data;
using HelpDesk.Web.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Benchmarks.ResidentSearch;

public sealed record SeedResult(Guid WardId, TimeSpan Elapsed, int Residents, int NameTokens, IReadOnlyList<Person> Samples);

/// <summary>
/// Fills one ward with residents through the real domain factory and EF mapping, so the ID number
/// is encrypted, its keyed hash and the name tokens are the app's own. Inserted in batches, each
/// in a fresh context with change detection off, to finish in minutes rather than hours.
/// </summary>
public static class Seeder
{
    private const int BatchSize = 1_000;
    private const int SampleCount = 5_000;
    /// <summary>Same people in every run and in both databases.</summary>
    private const int GeneratorSeed = 20_251_122;

    public static async Task<SeedResult> SeedAsync(IServiceProvider services, int residents, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        var ward = new Ward("Phường Chợ Lớn", "Thành phố Hồ Chí Minh");
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
            db.Wards.Add(ward);
            await db.SaveChangesAsync();
        }

        // The app's keyed hash (its key is created in the database on first use, as in production).
        var hasher = await services.GetRequiredService<PersonalIdLookup>().HasherAsync();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var generator = new PeopleGenerator(GeneratorSeed);
        // Every n-th person is kept to draw queries from, spread over the whole ward.
        var sampleEvery = Math.Max(1, residents / SampleCount);
        var samples = new List<Person>();

        for (var done = 0; done < residents; done += BatchSize)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
            // Entities are only added, never changed: scanning them for changes is wasted time.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(done + BatchSize, residents); i++)
            {
                var person = generator.Next();
                if (i % sampleEvery == 0) samples.Add(person);
                // Resident.Register rather than ResidentRegister.RegisterAsync: the generator already
                // guarantees unique ID numbers, and a duplicate check per row would dominate the seeding.
                db.Residents.Add(Resident.Register(person.Details, hasher, ward.Id, "benchmark", now));
            }
            await db.SaveChangesAsync();
            var seeded = Math.Min(done + BatchSize, residents);
            if (seeded % 50_000 == 0 || seeded == residents)
                progress.WriteLine($"  seeded {seeded,9:N0} residents  ({clock.Elapsed.TotalSeconds:F0} s)");
        }

        await PrepareForQueriesAsync(services);
        clock.Stop();

        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
            var residentRows = await db.Residents.CountAsync();
            var tokenRows = await db.ResidentNameTokens.CountAsync();
            return new SeedResult(ward.Id, clock.Elapsed, residentRows, tokenRows, samples);
        }
    }

    /// <summary>
    /// On PostgreSQL, autovacuum analyses and vacuums a table soon after a bulk insert; doing it
    /// now measures that steady state instead of whatever autovacuum had reached by chance.
    /// SQLite gets nothing: the app never runs ANALYZE there, so neither does the benchmark.
    /// </summary>
    private static async Task PrepareForQueriesAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        if (!db.Database.IsNpgsql()) return;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlRawAsync("""VACUUM (ANALYZE) "Residents", "ResidentNameTokens";""");
    }
}
