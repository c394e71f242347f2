using System.Text.Json;
using HelpDesk.Testing;
using Microsoft.Playwright;

namespace HelpDesk.Browser.Tests.Infrastructure;

/// <summary>One test's browser: its own context (cookies, locale), a page, tracing, and virtual authenticators.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public static readonly string ArtifactsDirectory = Path.Combine(RepositoryPaths.Root, "TestResults", "browser");

    private ICDPSession? _webAuthn;
    private bool _tracing = true;

    private BrowserSession(IBrowserContext context, IPage page, Uri baseAddress)
    {
        Context = context;
        Page = page;
        BaseAddress = baseAddress;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public Uri BaseAddress { get; }

    public static async Task<BrowserSession> StartAsync(IBrowser browser, Uri baseAddress, string locale)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        await context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true, Sources = false });
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, baseAddress);
    }

    /// <summary>
    /// Adds a platform authenticator (like a phone's or PC's built-in one) that answers WebAuthn
    /// requests on this page: resident keys, user verification passed, presence simulated.
    /// Optionally preloaded with credentials exported from another authenticator.
    /// </summary>
    public async Task<VirtualAuthenticator> AddVirtualAuthenticatorAsync(IEnumerable<JsonElement>? credentials = null)
    {
        if (_webAuthn is null)
        {
            _webAuthn = await Context.NewCDPSessionAsync(Page);
            await _webAuthn.SendAsync("WebAuthn.enable", new() { ["enableUI"] = false });
        }
        var result = await _webAuthn.SendAsync("WebAuthn.addVirtualAuthenticator", new()
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        var authenticator = new VirtualAuthenticator(_webAuthn, result!.Value.GetProperty("authenticatorId").GetString()!);
        foreach (var credential in credentials ?? []) await authenticator.AddCredentialAsync(credential);
        return authenticator;
    }

    /// <summary>Keeps the trace, a full-page screenshot and the app's log of a failed test under TestResults/browser.</summary>
    public async Task SaveFailureArtifactsAsync(string testName, IEnumerable<string> appLog)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        var stem = Path.Combine(ArtifactsDirectory, $"{Sanitize(testName)}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        await File.WriteAllLinesAsync(stem + ".app.log", appLog);
        // Saving must never hide the test's own failure.
        try { await Page.ScreenshotAsync(new() { Path = stem + ".png", FullPage = true }); }
        catch (PlaywrightException) { }
        try
        {
            await Context.Tracing.StopAsync(new() { Path = stem + ".trace.zip" });
            _tracing = false;
        }
        catch (PlaywrightException) { }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_tracing) await Context.Tracing.StopAsync();
        }
        catch (PlaywrightException) { }
        await Context.CloseAsync();
    }

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ' ' ? '_' : c));
}

/// <summary>A CDP virtual authenticator attached to one page.</summary>
public sealed class VirtualAuthenticator(ICDPSession cdp, string id)
{
    public string Id { get; } = id;

    /// <summary>The credentials it holds, as CDP reports them (credentialId, rpId, privateKey, userHandle, ...).</summary>
    public async Task<IReadOnlyList<JsonElement>> CredentialsAsync()
    {
        var result = await cdp.SendAsync("WebAuthn.getCredentials", new() { ["authenticatorId"] = Id });
        return result!.Value.GetProperty("credentials").EnumerateArray().Select(c => c.Clone()).ToList();
    }

    /// <summary>The credential ids it holds, base64url-encoded as the app shows them.</summary>
    public async Task<IReadOnlyList<string>> CredentialIdsAsync() =>
        (await CredentialsAsync()).Select(c => ToBase64Url(c.GetProperty("credentialId").GetString()!)).ToList();

    public Task AddCredentialAsync(JsonElement credential) =>
        cdp.SendAsync("WebAuthn.addCredential", new() { ["authenticatorId"] = Id, ["credential"] = credential });

    /// <summary>Detaches it, as if the phone or security key were taken away; its credentials go with it.</summary>
    public Task RemoveAsync() =>
        cdp.SendAsync("WebAuthn.removeVirtualAuthenticator", new() { ["authenticatorId"] = Id });

    private static string ToBase64Url(string base64) => base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
