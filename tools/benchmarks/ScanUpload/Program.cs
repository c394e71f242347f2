using HelpDesk.Browser.Tests.Documents;
using HelpDesk.Domain.Documents;
using HelpDesk.Testing;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Benchmarks.ScanUpload;

/// <summary>
/// How fast a page of a paper gets from the desk into the document store: capture.js shrinking a
/// 12-megapixel photo in Chromium, then uploads through the real app over HTTP, one desk and several at
/// once. What it measures and the figures: docs/benchmarks.md. (A named class, not top-level statements:
/// the app's own Program must stay the only "Program".)
/// </summary>
public static class BenchmarkProgram
{
    private const int TargetBytes = 600 * 1024;
    private const long PdfBytes = 2 * 1024 * 1024;

    public static async Task<int> Main(string[] args)
    {
        if (BenchmarkOptions.TryParse(args, Console.Error) is not { } options) return 2;
        PrintMachine();

        await using var app = new BenchmarkApp(options.Database, new Dictionary<string, string?>
        {
            // Every upload goes to the same paper of a few drafts; the usual 20 pages would stop the run.
            ["HelpDesk:Uploads:MaxPagesPerDocument"] = "1000000",
        });
        app.SetClock(DeskFixture.NextTuesdayAt(new TimeOnly(18, 0)));
        var desks = new List<Desk>();
        for (var i = 1; i <= options.Clients; i++) desks.Add(await Desk.OpenAsync(app, $"BM{i:D2}"));
        Console.WriteLine($"  app on {app.BrowserBaseAddress} ({app.Provider}), data folder on {FileSystemOf(app.DataDirectory)}");

        var compression = await BrowserCompression.RunAsync(app.BrowserBaseAddress, desks[0], PhonePhoto(options), options.Warmups, options.Photos);
        var underTarget = PrintCompression(compression, options);

        var last = compression.Runs[^1];
        UploadFile[] files =
        [
            new("photo (JPEG)", "page.jpg", FileContent.Jpeg, compression.Output),
            new("scanner PDF", "scan.pdf", FileContent.Pdf, ScannerPdf.Of(compression.Output, last.Width, last.Height, PdfBytes)),
        ];
        foreach (var file in files)
            foreach (var desk in desks)
                for (var i = 0; i < options.Warmups; i++) await desk.UploadAsync(file.Content, file.MediaType, file.FileName);

        var results = new List<ThroughputResult>();
        foreach (var file in files)
        {
            results.Add(await UploadThroughput.RunAsync(desks[..1], file, options.Uploads));
            results.Add(await UploadThroughput.RunAsync(desks, file, options.Uploads));
        }
        PrintThroughput(results, options);
        await PrintIntegrityAsync(app, files.Length * (options.Warmups * desks.Count + 2 * options.Uploads));
        Console.WriteLine($"  load average at the end: {Machine.LoadAverage()}");
        foreach (var desk in desks) desk.Dispose();

        Console.WriteLine();
        Console.WriteLine(underTarget
            ? $"The 12-megapixel photo leaves the browser under {TargetBytes / 1024} KB."
            : $"The 12-megapixel photo does NOT leave the browser under {TargetBytes / 1024} KB.");
        return underTarget ? 0 : 1;
    }

    private static void PrintMachine()
    {
        Console.WriteLine("Scan upload benchmark (capture.js in Chromium, then the papers page's Upload handler over HTTP)");
        Console.WriteLine($"  {Machine.Description}");
        Console.WriteLine($"  load average at start: {Machine.LoadAverage()}");
#if DEBUG
        Console.WriteLine("  WARNING: Debug build; publish figures from -c Release only.");
#endif
    }

    /// <summary>A phone's 12-megapixel photo of a paper, saved as phones save it.</summary>
    private static PagePhoto PhonePhoto(BenchmarkOptions options) => new(4000, 3000, Noise: options.Noise, Quality: 0.92);

    private static bool PrintCompression(CompressionResult result, BenchmarkOptions options)
    {
        var photo = result.Photo;
        var runs = result.Runs;
        var times = runs.Select(r => r.Ms).Order().ToList();
        var largest = runs.Max(r => r.Bytes);
        var first = runs[0];
        Console.WriteLine();
        Console.WriteLine($"== In the browser: HelpDeskCapture.prepare ({result.Browser}, headless) ==");
        Console.WriteLine($"  input   {photo.Width} × {photo.Height} px ({photo.Width * photo.Height / 1e6:F0} MP) photo of a paper, noise ±{photo.Noise}, JPEG quality {photo.Quality}, "
            + $"{result.PhotoBytes / 1024.0:N0} KB (drawn and encoded in the page in {result.DrawTime.TotalSeconds:F1} s)");
        Console.WriteLine($"  output  {first.Width} × {first.Height} px JPEG, {largest / 1024.0:N0} KB "
            + $"({(double)result.PhotoBytes / largest:F1}× smaller); brightness {first.Brightness:F0}, sharpness {first.Sharpness:F0}"
            + $"{(first.Blurred ? ", flagged blurred" : "")}{(first.Dark ? ", flagged dark" : "")}");
        Console.WriteLine($"  {options.Photos} timed runs after {options.Warmups} warm-up: min {times[0]:F0} ms, median {Median(times):F0} ms, max {times[^1]:F0} ms");
        var under = largest < TargetBytes;
        Console.WriteLine($"  under {TargetBytes / 1024} KB: {(under ? "yes" : "NO")}");
        return under;
    }

    private static void PrintThroughput(IReadOnlyList<ThroughputResult> results, BenchmarkOptions options)
    {
        Console.WriteLine();
        Console.WriteLine("== On the server: Upload handler over HTTP (inspect, encrypt, write + fsync, row + audit event in one transaction) ==");
        Console.WriteLine($"  {options.Uploads} timed uploads per row, after {options.Warmups} per desk and file not counted; each desk waits for its answer before sending again");
        Console.WriteLine();
        Console.WriteLine($"  {"file",-14} {"size KB",8} {"desks",6} {"uploads/s",10} {"MB/s",7} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var r in results)
            Console.WriteLine($"  {r.File.Kind,-14} {r.File.Content.Length / 1024.0,8:N0} {r.Clients,6} {r.UploadsPerSecond,10:F1} {r.MegabytesPerSecond,7:F1} "
                + $"{r.PercentileMs(0.5),8:F1} {r.PercentileMs(0.99),8:F1} {r.PercentileMs(1),8:F1}");
    }

    /// <summary>Every upload answered 200 must be a row, its file and an audit event on an unbroken chain.</summary>
    private static async Task PrintIntegrityAsync(HelpDeskApp app, int expected)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var rows = await db.ScannedPages.CountAsync();
        var files = Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "documents"), "*.scan", SearchOption.AllDirectories).Count();
        var broken = await scope.ServiceProvider.GetRequiredService<AuditLog>().FirstBrokenAsync();
        Console.WriteLine();
        Console.WriteLine($"  afterwards: {rows:N0} scan rows and {files:N0} files for {expected:N0} uploads; audit chain {(broken is null ? "intact" : $"BROKEN at {broken}")}");
    }

    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>The device and file system holding <paramref name="path"/> (Linux only): fsync on tmpfs costs nothing.</summary>
    private static string FileSystemOf(string path)
    {
        if (!File.Exists("/proc/mounts")) return "an unknown file system";
        var mount = File.ReadAllLines("/proc/mounts").Select(l => l.Split(' '))
            .Where(f => f.Length > 2 && (path == f[1] || path.StartsWith(f[1].TrimEnd('/') + "/", StringComparison.Ordinal)))
            .MaxBy(f => f[1].Length);
        return mount is null ? "an unknown file system" : $"{mount[0]} ({mount[2]}, mounted at {mount[1]})";
    }
}
