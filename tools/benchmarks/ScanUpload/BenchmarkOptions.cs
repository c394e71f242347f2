using HelpDesk.Testing;
using HelpDesk.Web.Setup;

namespace HelpDesk.Benchmarks.ScanUpload;

/// <summary>The command line (see Usage).</summary>
public sealed record BenchmarkOptions(int Photos, int Warmups, int Uploads, int Clients, DatabaseProvider Database, int Noise)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tools/benchmarks/ScanUpload -- [options]

          --photos N                 timed compressions of the 12-megapixel photo (default 10)
          --noise N                  the photo's sensor noise, ± levels of 255 (default 12; 0 is a flat drawing,
                                     which compresses far better than any photo)
          --warmups N                compressions and uploads before timing starts (default 2)
          --uploads N                timed uploads of each file in each mode (default 100)
          --clients N                desks uploading at once in the concurrent mode (default 4)
          --database sqlite|postgres the app's database (default sqlite); postgres creates a throwaway
                                     database on the server in HELPDESK_TEST_POSTGRES

        Chromium: /usr/bin/chromium, or the path in HELPDESK_CHROMIUM.
        """;

    /// <summary>Reads the arguments; on a wrong one writes why and the usage to <paramref name="errors"/> and gives null.</summary>
    public static BenchmarkOptions? TryParse(IReadOnlyList<string> args, TextWriter errors)
    {
        try
        {
            return Parse(args);
        }
        catch (ArgumentException error)
        {
            errors.WriteLine(error.Message);
            errors.WriteLine(Usage);
            return null;
        }
    }

    private static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(Photos: 10, Warmups: 2, Uploads: 100, Clients: 4, DatabaseProvider.Sqlite, Noise: 12);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--photos" => options with { Photos = PositiveNumber(args, ++i) },
                "--noise" => options with { Noise = int.TryParse(Value(args, ++i), out var noise) && noise >= 0 ? noise
                    : throw new ArgumentException("--noise needs a whole number, 0 or more.") },
                "--warmups" => options with { Warmups = PositiveNumber(args, ++i) },
                "--uploads" => options with { Uploads = PositiveNumber(args, ++i) },
                "--clients" => options with { Clients = PositiveNumber(args, ++i) },
                "--database" => options with { Database = ProviderNamed(Value(args, ++i)) },
                var other => throw new ArgumentException($"Unknown option '{other}'."),
            };
        }
        if (options.Database == DatabaseProvider.Postgres && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TestDatabase.AdminVariable)))
            throw new ArgumentException($"--database postgres needs {TestDatabase.AdminVariable} (an admin connection string).");
        return options;
    }

    private static DatabaseProvider ProviderNamed(string value) => value.ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" => DatabaseProvider.Postgres,
        _ => throw new ArgumentException($"--database must be sqlite or postgres, not '{value}'."),
    };

    private static string Value(IReadOnlyList<string> args, int i) =>
        i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static int PositiveNumber(IReadOnlyList<string> args, int i) =>
        int.TryParse(Value(args, i), out var n) && n > 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a positive whole number.");
}
