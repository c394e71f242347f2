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

    /// <summary>
    /// Unknown addresses answer 404 (shown by the localised error page) rather than sending
    /// anonymous visitors to the sign-in page through the closed-by-default policy.
    /// </summary>
    public static void MapNotFound(this WebApplication app) =>
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
}
