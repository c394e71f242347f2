using System.Runtime.CompilerServices;
using HelpDesk.Testing;
using Microsoft.Playwright;

namespace HelpDesk.Browser.Tests.Infrastructure;

/// <summary>Every browser test class joins this collection, so the whole run shares one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>One Playwright driver and one headless Chromium for the test run; each test gets its own context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "HELPDESK_CHROMIUM";

    // Debian's Chromium, not Playwright's download (which fails here); see shared/stack.md.
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        // Page loads on a 2-core machine with a cold app can take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>
    /// Runs <paramref name="test"/> in a fresh browser context on the app. When it fails, the trace, a
    /// full-page screenshot and the app's log are kept under TestResults/browser before the failure is
    /// passed on.
    /// </summary>
    public async Task RunAsync(HelpDeskApp app, Func<BrowserSession, Task> test, string locale = "vi",
        string? label = null, [CallerMemberName] string testName = "")
    {
        await using var session = await BrowserSession.StartAsync(Browser, app.BrowserBaseAddress, locale);
        try
        {
            await test(session);
        }
        catch
        {
            await session.SaveFailureArtifactsAsync(label is null ? testName : $"{testName}.{label}", app.Logs.Messages);
            throw;
        }
    }
}
