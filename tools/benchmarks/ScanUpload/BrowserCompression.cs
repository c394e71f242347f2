using System.Text.Json;
using HelpDesk.Browser.Tests.Documents;
using Microsoft.Playwright;

namespace HelpDesk.Benchmarks.ScanUpload;

/// <summary>What one run of <c>HelpDeskCapture.prepare</c> gave (its own result object, as the page sees it).</summary>
public sealed record Prepared(double Ms, long Bytes, int Width, int Height, double Brightness, double Sharpness, bool Dark, bool Blurred);

/// <summary>The photo fed in, the timed runs, and the JPEG the last run made (what would be uploaded).</summary>
public sealed record CompressionResult(PagePhoto Photo, int PhotoBytes, TimeSpan DrawTime, IReadOnlyList<Prepared> Runs, byte[] Output, string Browser);

/// <summary>
/// capture.js on the papers page of a desk, in headless Chromium launched as the browser tests launch it:
/// a 12-megapixel photo of a paper (<see cref="PagePhotos"/>) is drawn and JPEG-encoded in the page, then
/// <c>window.HelpDeskCapture.prepare</c> (decode with EXIF rotation, shrink in halving steps, measure
/// brightness and sharpness, encode under 600 KB) runs on it again and again.
/// </summary>
public static class BrowserCompression
{
    public const string ChromiumVariable = "HELPDESK_CHROMIUM";

    /// <summary>As the browser tests launch Debian's Chromium (tests/HelpDesk.Browser.Tests/Infrastructure/BrowserFixture.cs).</summary>
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    public static async Task<CompressionResult> RunAsync(Uri baseAddress, Desk desk, PagePhoto photo, int warmups, int runs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArguments,
        });
        await using var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), Locale = "vi" });
        // The desk's session, signed in over HTTP, carried over to the browser.
        await context.AddCookiesAsync(desk.Cookies.GetAllCookies().Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Url = baseAddress.ToString(), HttpOnly = c.HttpOnly, Secure = c.Secure,
        }));
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(desk.PapersPath);
        if (response?.Status != 200 || !page.Url.EndsWith(desk.PapersPath, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"The papers page did not open in the browser (at {page.Url}).");
        await page.WaitForFunctionAsync("() => window.HelpDeskCapture && typeof window.HelpDeskCapture.prepare === 'function'");

        var drawing = System.Diagnostics.Stopwatch.StartNew();
        var photoBytes = await PagePhotos.KeepInPageAsync(page, photo, "photo");
        drawing.Stop();

        var figures = await page.EvaluateAsync<JsonElement>("""
            async ([warmups, runs]) => {
                const results = [];
                for (let i = 0; i < warmups + runs; i++) {
                    const page = await window.HelpDeskCapture.prepare(window.photo);
                    window.prepared = page.blob;
                    const { blob, ...figures } = page;
                    if (i >= warmups) results.push(figures);
                }
                return results;
            }
            """, new[] { warmups, runs });
        var results = figures.Deserialize<Prepared[]>(JsonSerializerOptions.Web)!;
        var output = Convert.FromBase64String(await page.EvaluateAsync<string>($"async () => {{ const blob = window.prepared; {PagePhotos.Base64Of} }}"));
        return new CompressionResult(photo, photoBytes, drawing.Elapsed, results, output, $"Chromium {browser.Version}");
    }
}
