using System.Runtime.InteropServices;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Benchmarks.ResidentSearch;

/// <summary>
/// Finding a resident among many: seeds a throwaway database through the real app and prints how
/// long ResidentRegister.SearchAsync takes. What it measures and the figures: docs/benchmarks.md.
/// (A named class, not top-level statements: the app's own Program must stay the only "Program".)
/// </summary>
public static class BenchmarkProgram
{
    private const double TargetMs = 50;

    public static async Task<int> Main(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine(BenchmarkOptions.Usage);
            return 2;
        }

        Console.WriteLine("Resident search benchmark (ResidentRegister.SearchAsync)");
        Console.WriteLine($"  date {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, {Environment.ProcessorCount} CPUs, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"  {options.Residents:N0} residents in one ward, {options.Queries} timed queries per kind after a warm-up "
            + $"(fewer if a kind takes over {options.Budget.TotalSeconds:N0} s)");
        Console.WriteLine($"  load average at start: {LoadAverage()}");
#if DEBUG
        Console.WriteLine("  WARNING: Debug build; publish figures from -c Release only.");
#endif

        var allUnder = true;
        foreach (var provider in options.Databases)
        {
            Console.WriteLine();
            Console.WriteLine($"== {provider} ==");
            using var database = ThrowawayDatabase.Create(provider, options.PostgresAdmin, options.Keep);
            await using (var host = new HelpDeskHost(database))
            {
                // Reading Services starts the app: Program runs its migrations on the empty database.
                var services = host.Services;
                Console.WriteLine($"  server {await ServerVersionAsync(services)}");

                var seed = await Seeder.SeedAsync(services, options.Residents, Console.Out);
                Console.WriteLine($"  seeded in {seed.Elapsed.TotalSeconds:F1} s: {seed.Residents:N0} rows in Residents, {seed.NameTokens:N0} rows in ResidentNameTokens "
                    + $"({seed.Residents / seed.Elapsed.TotalSeconds:N0} residents/s)");

                var results = await SearchBenchmark.RunAsync(services, seed.WardId, seed.Samples, options.Queries, options.Budget);
                Console.WriteLine();
                Console.WriteLine($"  {"kind",-28} {"queries",7} {"median ms",10} {"p95 ms",8} {"max ms",8} {"avg results",12} {"found",6}  median < {TargetMs} ms");
                foreach (var r in results)
                {
                    var under = r.MedianMs < TargetMs;
                    allUnder &= under;
                    Console.WriteLine($"  {r.Kind,-28} {(r.StoppedByBudget ? "*" : "") + r.Queries,7} {r.MedianMs,10:F2} {r.P95Ms,8:F2} {r.MaxMs,8:F2} {r.AverageResults,12:F1} {r.FoundShare,6:P0}  {(under ? "yes" : "NO")}");
                }
                if (results.Any(r => r.StoppedByBudget))
                    Console.WriteLine($"  * stopped when the kind had taken {options.Budget.TotalSeconds:N0} s");
                Console.WriteLine($"  load average after the queries: {LoadAverage()}");
            }
            if (options.Keep) Console.WriteLine($"  kept: {database.Description}");
        }

        Console.WriteLine();
        Console.WriteLine(allUnder
            ? $"Every median is under {TargetMs} ms."
            : $"Some medians are NOT under {TargetMs} ms (see the rows marked NO).");
        return allUnder ? 0 : 1;
    }

    /// <summary>
    /// The machine's 1, 5 and 15-minute load averages (Linux only): other work on a 2-core machine
    /// slows every query, so the figures are only comparable with the load printed beside them.
    /// </summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<string> ServerVersionAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var sql = db.Database.IsSqlite() ? "SELECT 'SQLite ' || sqlite_version() AS \"Value\"" : "SELECT version() AS \"Value\"";
        return await db.Database.SqlQueryRaw<string>(sql).SingleAsync();
    }
}
