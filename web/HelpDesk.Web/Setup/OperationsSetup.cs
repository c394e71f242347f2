using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace HelpDesk.Web.Setup;

public static class OperationsSetup
{
    /// <summary>JSON logs on the console. Log messages never carry personal data: log ids, not names.</summary>
    public static void AddHelpDeskLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = false;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            json.UseUtcTimestamp = true;
        });
    }

    /// <summary>/healthz: the process is alive. /readyz: the database answers too.</summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
    }
}
