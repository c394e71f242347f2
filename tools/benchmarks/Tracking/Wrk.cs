using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HelpDesk.Benchmarks.Tracking;

/// <summary>What one wrk run measured, read from the line statuses.lua prints (times in milliseconds).</summary>
public sealed record WrkResult(long Requests, TimeSpan Duration, double P50Ms, double P99Ms, double MaxMs, long Bytes,
    long NotSuccess, long SocketErrors, IReadOnlyDictionary<int, long> Statuses, string Output)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;
    public double BytesPerResponse => Requests == 0 ? 0 : (double)Bytes / Requests;

    /// <summary>Why the run measured something other than <paramref name="expectedStatus"/> answers, or null when it did not.</summary>
    public string? Problem(int expectedStatus)
    {
        if (Requests == 0) return "no request was answered";
        if (SocketErrors > 0) return $"{SocketErrors:N0} socket errors (connect, read, write or timeout)";
        var others = Statuses.Where(s => s.Key != expectedStatus).ToList();
        if (others.Count > 0) return "unexpected answers: " + string.Join(", ", others.Select(s => $"{s.Value:N0} × {s.Key}"));
        // wrk's own count of answers that were not 2xx or 3xx must agree: every one for a 404 page, none otherwise.
        var expectedNotSuccess = expectedStatus >= 400 ? Requests : 0;
        return NotSuccess == expectedNotSuccess ? null : $"wrk counted {NotSuccess:N0} non-2xx/3xx answers, expected {expectedNotSuccess:N0}";
    }
}

/// <summary>
/// Debian's wrk (HTTP/1.1, keep-alive, a fixed number of connections each sending its next request as soon
/// as the last is answered), run as a separate process so the load generator is not the app's own runtime.
/// </summary>
public sealed partial class Wrk(string path, int threads, int connections)
{
    public string Path => path;
    public int Threads => threads;
    public int Connections => connections;

    /// <summary>The command line of a run, for the record.</summary>
    public string CommandFor(string url, int seconds) =>
        $"wrk --latency -t{threads} -c{connections} -d{seconds}s -s statuses.lua {url}";

    /// <summary>
    /// Finds wrk on the PATH; when it is missing and we are root, installs it with apt-get as tests/run.sh installs
    /// what the tests need; otherwise says how to install it. Null when there is no wrk to run.
    /// </summary>
    public static string? Locate(TextWriter errors)
    {
        if (OnPath("wrk") is { } found) return found;
        if (!Environment.IsPrivilegedProcess)
        {
            errors.WriteLine("wrk is not installed. Install it (Debian: sudo apt-get install -y wrk) and run the benchmark again.");
            return null;
        }
        Console.WriteLine("wrk is not installed: installing it with apt-get.");
        // The package lists may be missing or stale on a fresh machine: update once if the first try fails.
        if (!AptGet("install -y wrk") && !(AptGet("update") && AptGet("install -y wrk")))
        {
            errors.WriteLine("apt-get could not install wrk. Install it by hand (apt-get install -y wrk) and run the benchmark again.");
            return null;
        }
        return OnPath("wrk");
    }

    /// <summary>wrk's version line ("wrk 4.1.0 [epoll] …").</summary>
    public async Task<string> VersionAsync()
    {
        var (_, output) = await RunProcessAsync(path, "-v");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Split(" Copyright")[0].Trim() ?? "wrk";
    }

    /// <summary>Loads <paramref name="url"/> for <paramref name="seconds"/> and reads the figures statuses.lua prints.</summary>
    public async Task<WrkResult> RunAsync(string url, int seconds)
    {
        var script = System.IO.Path.Combine(AppContext.BaseDirectory, "statuses.lua");
        // --timeout well above any answer time seen here, so a slow answer counts as slow, not as an error.
        var (exitCode, output) = await RunProcessAsync(path,
            $"--latency -t{threads} -c{connections} -d{seconds}s --timeout 10s -s \"{script}\" {url}");
        var line = ResultLine().Match(output);
        if (exitCode != 0 || !line.Success)
            throw new InvalidOperationException($"wrk failed (exit code {exitCode}) on {url}:\n{output}");
        var values = line.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        long Number(string key) => long.Parse(values[key], CultureInfo.InvariantCulture);
        var statuses = values["statuses"].Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(':')).ToDictionary(pair => int.Parse(pair[0], CultureInfo.InvariantCulture), pair => long.Parse(pair[1], CultureInfo.InvariantCulture));
        return new WrkResult(Number("requests"), TimeSpan.FromMicroseconds(Number("duration_us")),
            Number("p50_us") / 1000.0, Number("p99_us") / 1000.0, Number("max_us") / 1000.0, Number("bytes"),
            Number("non2xx3xx"), Number("socket_errors"), statuses, output);
    }

    [GeneratedRegex("^helpdesk-wrk (.*)$", RegexOptions.Multiline)]
    private static partial Regex ResultLine();

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>Runs apt-get without questions, its output going to ours.</summary>
    private static bool AptGet(string arguments)
    {
        var start = new ProcessStartInfo("apt-get", arguments) { UseShellExecute = false };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
