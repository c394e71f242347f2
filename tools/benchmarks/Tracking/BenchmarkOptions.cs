namespace HelpDesk.Benchmarks.Tracking;

/// <summary>The command line (see Usage): every option takes a positive whole number.</summary>
public sealed record BenchmarkOptions(int Seconds, int WarmupSeconds, int Connections, int Threads)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tools/benchmarks/Tracking -- [options]

          --duration S      seconds of load per address, measured (default 15)
          --warmup S        seconds of load per address before measuring, not counted (default 5)
          --connections N   wrk's open connections, each sending its next request when answered (default 16)
          --threads N       wrk's threads (default 1)

        Needs Debian's wrk (apt-get install -y wrk); installs it when run as root.
        """;

    /// <summary>Reads the arguments; on a wrong one writes why and the usage to <paramref name="errors"/> and gives null.</summary>
    public static BenchmarkOptions? TryParse(IReadOnlyList<string> args, TextWriter errors)
    {
        BenchmarkOptions? options = new(Seconds: 15, WarmupSeconds: 5, Connections: 16, Threads: 1);
        for (var i = 0; i < args.Count && options is not null; i += 2)
        {
            int? value = i + 1 < args.Count && int.TryParse(args[i + 1], out var n) && n > 0 ? n : null;
            options = (args[i], value) switch
            {
                (_, null) => null,
                ("--duration", { } v) => options with { Seconds = v },
                ("--warmup", { } v) => options with { WarmupSeconds = v },
                ("--connections", { } v) => options with { Connections = v },
                ("--threads", { } v) => options with { Threads = v },
                _ => null,
            };
            if (options is null) errors.WriteLine($"'{args[i]}' is not an option, or lacks a positive whole number.");
        }
        if (options is { } o && o.Threads > o.Connections)
        {
            errors.WriteLine("wrk needs at least one connection per thread.");
            options = null;
        }
        if (options is null) errors.WriteLine(Usage);
        return options;
    }
}
