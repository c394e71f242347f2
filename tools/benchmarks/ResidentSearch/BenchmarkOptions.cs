using HelpDesk.Web.Setup;

namespace HelpDesk.Benchmarks.ResidentSearch;

/// <summary>The command line (see Usage).</summary>
public sealed record BenchmarkOptions(int Residents, int Queries, TimeSpan Budget, IReadOnlyList<DatabaseProvider> Databases, string? PostgresAdmin, bool Keep)
{
    public const string PostgresVariable = "HELPDESK_BENCH_POSTGRES";

    public const string Usage = """
        Usage: dotnet run -c Release --project tools/benchmarks/ResidentSearch -- [options]

          --residents N                  residents to seed in one ward (default 500000)
          --queries N                    timed searches of each kind (default 200)
          --budget SECONDS               stop timing a kind after this long, with fewer queries (default 120)
          --database sqlite|postgres|both
                                         default: both when a PostgreSQL connection is given, else sqlite
          --postgres "<connection>"      PostgreSQL server to create the throwaway database on
                                         (default: environment variable HELPDESK_BENCH_POSTGRES)
          --keep                         keep the seeded database and print where it is (for EXPLAIN)
        """;

    /// <summary>Reads the arguments; throws <see cref="ArgumentException"/> with a readable message on a wrong one.</summary>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var residents = 500_000;
        var queries = 200;
        var budgetSeconds = 120;
        string? database = null;
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var keep = false;

        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--residents": residents = PositiveNumber(args, ++i); break;
                case "--queries": queries = PositiveNumber(args, ++i); break;
                case "--budget": budgetSeconds = PositiveNumber(args, ++i); break;
                case "--database": database = Value(args, ++i).ToLowerInvariant(); break;
                case "--postgres": postgres = Value(args, ++i); break;
                case "--keep": keep = true; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        var hasPostgres = !string.IsNullOrWhiteSpace(postgres);
        IReadOnlyList<DatabaseProvider> databases = (database ?? (hasPostgres ? "both" : "sqlite")) switch
        {
            "sqlite" => [DatabaseProvider.Sqlite],
            "postgres" => [DatabaseProvider.Postgres],
            "both" => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
            var other => throw new ArgumentException($"--database must be sqlite, postgres or both, not '{other}'."),
        };
        if (databases.Contains(DatabaseProvider.Postgres) && !hasPostgres)
            throw new ArgumentException($"PostgreSQL needs --postgres \"<connection>\" or {PostgresVariable}.");
        return new BenchmarkOptions(residents, queries, TimeSpan.FromSeconds(budgetSeconds), databases, hasPostgres ? postgres : null, keep);
    }

    private static string Value(IReadOnlyList<string> args, int i) =>
        i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static int PositiveNumber(IReadOnlyList<string> args, int i) =>
        int.TryParse(Value(args, i), out var n) && n > 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a positive whole number.");
}
