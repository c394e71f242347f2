using System.Runtime.InteropServices;

namespace HelpDesk.Benchmarks;

/// <summary>
/// What a benchmark prints about the machine it ran on: figures from a 2-core machine shared with other work
/// mean little without the date, the cores and the load. Shared by the benchmarks under tools/benchmarks.
/// </summary>
public static class Machine
{
    /// <summary>Date, cores, operating system and runtime, on one line.</summary>
    public static string Description =>
        $"date {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, {Environment.ProcessorCount} CPUs, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";

    /// <summary>The machine's 1, 5 and 15-minute load averages (Linux only): other work on a 2-core machine slows everything.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
