using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Benchmarks.ResidentSearch;

/// <summary>
/// The real app, started in-process from its own Program on a throwaway database: the same
/// services, options, data protection and migrations as in production, so the benchmark times
/// exactly the code and schema the desks use. No HTTP request is made; searches go through the
/// app's service provider.
/// </summary>
public sealed class HelpDeskHost(ThrowawayDatabase database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        // The app's files (appsettings.json, content/) are copied next to this program at build;
        // without this the factory looks for the web project beside the solution file.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseSetting($"{HelpDeskOptions.Section}:DataDirectory", database.DataDirectory);
        builder.UseSetting($"{HelpDeskOptions.Section}:Database", database.Provider.ToString());
        if (database.ConnectionString is not null)
            builder.UseSetting("ConnectionStrings:HelpDesk", database.ConnectionString);
        // The app's JSON log (first-run link, housekeeping) would mix with the printed figures.
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }
}
