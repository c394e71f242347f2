using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Testing;

/// <summary>
/// The real app, in-process, with its own temporary data folder and, for PostgreSQL, its own
/// database on the test server. Logs are captured so tests can read what the app printed.
/// </summary>
public class HelpDeskApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "training-only-Pa55word";

    private readonly Dictionary<string, string?> _settings;
    private readonly TestDatabase? _database;
    private readonly bool _kestrel;
    private readonly IReadOnlyDictionary<string, string?>? _settingsGiven;
    private bool _ownsStorage = true;

    public HelpDeskApp(DatabaseProvider provider = DatabaseProvider.Sqlite, bool kestrel = false,
        IReadOnlyDictionary<string, string?>? settings = null)
        : this(provider, kestrel, settings, previous: null) { }

    private HelpDeskApp(DatabaseProvider provider, bool kestrel, IReadOnlyDictionary<string, string?>? settings, HelpDeskApp? previous)
    {
        Provider = provider;
        _kestrel = kestrel;
        DataDirectory = previous?.DataDirectory ?? Directory.CreateTempSubdirectory("helpdesk-test-").FullName;
        _settings = new()
        {
            ["HelpDesk:DataDirectory"] = DataDirectory,
            ["HelpDesk:Database"] = provider.ToString(),
            ["HelpDesk:ContentDirectory"] = Path.Combine(RepositoryPaths.Root, "content"),
        };
        if (provider == DatabaseProvider.Postgres)
        {
            _database = previous?._database ?? TestDatabase.CreatePostgres();
            _settings["ConnectionStrings:HelpDesk"] = _database.ConnectionString;
        }
        if (previous is not null) previous._ownsStorage = false;
        _settingsGiven = settings;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        if (kestrel) UseKestrel(0);
    }

    public DatabaseProvider Provider { get; }
    public string DataDirectory { get; }
    public LogCapture Logs { get; } = new();
    /// <summary>Services a test adds (set before the app starts), e.g. a fault to inject.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }
    /// <summary>The app's clock (TimeProvider); tests may move it forward.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>The base address browsers use: localhost, because WebAuthn refuses IP addresses.</summary>
    public Uri BrowserBaseAddress
    {
        get
        {
            if (!_kestrel) throw new InvalidOperationException("Create the app with kestrel: true for browser tests.");
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(new Uri(address).GetLeftPart(UriPartial.Authority).Replace("127.0.0.1", "localhost").Replace("[::1]", "localhost"));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As in production: no developer exception page, the real error pages.
        builder.UseEnvironment(Environments.Production);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        // The app's JSON console log would drown the test output; tests read the captured log instead.
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton<TimeProvider>(Clock);
            ExtraServices?.Invoke(services);
        });
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<System.Net.CookieContainer>> _sessions = new();

    /// <summary>Cookies of one signed-in account per role, created once per app, for tests that only need "someone with this role".</summary>
    public Task<System.Net.CookieContainer> SessionOfAsync(string role) => _sessions.GetOrAdd(role, async r =>
    {
        var client = PageClient.For(this);
        await client.SignInAsync(await this.CreateAsync(r));
        return client.Cookies;
    });

    /// <summary>
    /// A second app on the same data folder and database, as after a restart. The new app takes
    /// over the storage: call this before disposing the old one, then dispose the old one.
    /// </summary>
    public HelpDeskApp Restart() => new(Provider, _kestrel, _settingsGiven, this);

    /// <summary>Waits for the first-coordinator link the app prints on an empty database.</summary>
    public async Task<string> SetupLinkAsync()
    {
        _ = Services; // starts the app
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var line = Logs.Messages.LastOrDefault(m => m.Contains("/join/"));
            if (line is not null) return line[line.IndexOf("http", StringComparison.Ordinal)..].Trim();
            await Task.Delay(50);
        }
        throw new TimeoutException("The app printed no setup link.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsStorage) return;
        _database?.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
