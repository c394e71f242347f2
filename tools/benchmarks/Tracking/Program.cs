using System.Diagnostics;
using System.Net;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Testing;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Benchmarks.Tracking;

/// <summary>One address under load: what it is, and the one status every answer must have.</summary>
public sealed record Target(string Name, string Path, HttpStatusCode Status, string Marker);

/// <summary>A measured run, and the app's processor time per request in it (microseconds).</summary>
public sealed record Measured(WrkResult Result, double CpuMicrosecondsPerRequest);

/// <summary>
/// Requests per second and latency of the public tracking page (<c>/t/{code}</c>) against a minimal endpoint of
/// the same app (<c>/healthz</c>) in the same run, with wrk. Aim (issue #7): the tracking page serves at least
/// half the minimal endpoint's rate. What it measures and the figures: docs/benchmarks.md. (A named class, not
/// top-level statements: the app's own Program must stay the only "Program".)
/// </summary>
public static class BenchmarkProgram
{
    private const double Aim = 0.5;

    public static async Task<int> Main(string[] args)
    {
        if (BenchmarkOptions.TryParse(args, Console.Error) is not { } options) return 2;
        if (Wrk.Locate(Console.Error) is not { } wrkPath) return 2;
        var wrk = new Wrk(wrkPath, options.Threads, options.Connections);

        Console.WriteLine("Tracking page benchmark (wrk against /healthz and /t/{code} of the real app on Kestrel)");
        Console.WriteLine($"  {Machine.Description}, {await wrk.VersionAsync()}");
        Console.WriteLine($"  load average at start: {Machine.LoadAverage()}");
#if DEBUG
        Console.WriteLine("  WARNING: Debug build; publish figures from -c Release only.");
#endif

        await using var app = new BenchmarkApp(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            // wrk sends everything from one address: the usual 20 tries a minute would answer 429 to all but 20.
            ["HelpDesk:Security:PublicCodeLimitPerMinute"] = "0",
        });
        // Inside the test point's Tuesday evening session, so the volunteer can check in and file.
        app.SetClock(DeskFixture.NextTuesdayAt(new TimeOnly(18, 0)));
        var dossier = await SubmittedDossier.FileAsync(app, "TR01");
        var baseAddress = ServerAddress(app);
        Console.WriteLine($"  app on {baseAddress} (SQLite in {app.DataDirectory}); dossier {dossier.Number} filed through the desk's pages, code {dossier.Code}");

        Target[] targets =
        [
            new("/healthz (minimal)", "/healthz", HttpStatusCode.OK, "Healthy"),
            new("/t/{known code}", "/t/" + dossier.Code, HttpStatusCode.OK, dossier.Number),
            // Well-formed, check symbol right, in no dossier: the whole lookup runs and finds nothing.
            new("/t/{unknown code}", "/t/" + TrackingCode.New().Compact, HttpStatusCode.NotFound, "data-testid=\"track-unknown\""),
        ];
        await CheckAnswersAsync(baseAddress, targets);

        Console.WriteLine($"  each address: {options.WarmupSeconds} s of warm-up (not counted), then {options.Seconds} s measured; one after the other");
        Console.WriteLine($"  {wrk.CommandFor(baseAddress + "…", options.Seconds)}");
        foreach (var target in targets) Validate(target, await wrk.RunAsync(baseAddress + target.Path, options.WarmupSeconds));
        var results = new List<Measured>();
        foreach (var target in targets)
        {
            // The app runs in this process, whose own threads only wait for wrk meanwhile: the processor time the
            // process spends is the app's. Per request, it holds when other work slows the machine down.
            var cpuBefore = ProcessorTime();
            var result = await wrk.RunAsync(baseAddress + target.Path, options.Seconds);
            var cpu = ProcessorTime() - cpuBefore;
            Validate(target, result);
            results.Add(new Measured(result, cpu.TotalMicroseconds / result.Requests));
        }
        Console.WriteLine($"  load average at the end: {Machine.LoadAverage()}");

        var met = PrintTable(targets, results);
        Console.WriteLine();
        Console.WriteLine(met
            ? $"The tracking page serves at least {Aim:0.#} of the minimal endpoint's rate, for known and unknown codes."
            : $"The tracking page does NOT serve {Aim:0.#} of the minimal endpoint's rate.");
        return met ? 0 : 1;
    }

    private static TimeSpan ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>The address Kestrel listens on, as an IP address: wrk would also try localhost's other addresses.</summary>
    private static string ServerAddress(HelpDeskApp app)
    {
        _ = app.BrowserBaseAddress; // starts the server
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>Before any load: each address answers what it should, so the figures are of the right page.</summary>
    private static async Task CheckAnswersAsync(string baseAddress, IEnumerable<Target> targets)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
        foreach (var target in targets)
        {
            using var response = await http.GetAsync(target.Path);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != target.Status || !body.Contains(target.Marker, StringComparison.Ordinal))
                throw new InvalidOperationException($"{target.Path} answered {(int)response.StatusCode} without '{target.Marker}':\n{body}");
        }
    }

    /// <summary>A run with errors or other statuses (429 from the rate limiter, 500, 404 for a known code) measured something else: stop.</summary>
    private static void Validate(Target target, WrkResult result)
    {
        if (result.Problem((int)target.Status) is not { } problem) return;
        Console.Error.WriteLine(result.Output);
        throw new InvalidOperationException($"INVALID RUN on {target.Path}: {problem}. Every answer must be {(int)target.Status}.");
    }

    /// <summary>Prints the figures; true when every tracking row meets the aim.</summary>
    private static bool PrintTable(IReadOnlyList<Target> targets, IReadOnlyList<Measured> results)
    {
        var minimal = results[0].Result.RequestsPerSecond;
        Console.WriteLine();
        Console.WriteLine($"  {"address",-20} {"status",6} {"bytes",7} {"requests",10} {"requests/s",11} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"app CPU µs",11} {"ratio",6}  aim ≥ {Aim:0.0}");
        var met = true;
        for (var i = 0; i < targets.Count; i++)
        {
            var (target, (result, cpuPerRequest)) = (targets[i], results[i]);
            var ratio = result.RequestsPerSecond / minimal;
            var verdict = i == 0 ? "" : ratio >= Aim ? "PASS" : "MISS";
            met &= i == 0 || ratio >= Aim;
            Console.WriteLine($"  {target.Name,-20} {(int)target.Status,6} {result.BytesPerResponse,7:N0} {result.Requests,10:N0} {result.RequestsPerSecond,11:N0} "
                + $"{result.P50Ms,8:F2} {result.P99Ms,8:F2} {result.MaxMs,8:F1} {cpuPerRequest,11:F0} {(i == 0 ? "—" : ratio.ToString("F2")),6}  {verdict}");
        }
        return met;
    }
}
