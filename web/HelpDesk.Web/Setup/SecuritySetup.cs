using System.Threading.RateLimiting;

namespace HelpDesk.Web.Setup;

public static class SecuritySetup
{
    /// <summary>The policy for public pages that take a code (activation, consent check): a few tries per minute per address.</summary>
    public const string PublicCodes = "public-codes";
    public const int PublicCodeAttemptsPerMinute = 20;

    /// <summary>Guessing codes is slowed down: each client address gets a few attempts a minute, then 429.</summary>
    public static void AddHelpDeskRateLimits(this IServiceCollection services) => services.AddRateLimiter(options =>
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(PublicCodes, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = PublicCodeAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
    });

    // No inline script or style anywhere: everything comes from our own origin.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Security headers on every response, and no caching of anything that may show personal data.</summary>
    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            // Not "no-referrer": that makes browsers send "Origin: null" on form posts, and the
            // passkey check compares the credential's origin with that header. Tracking codes in
            // addresses still never leave the site.
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Static files set their own caching; pages may hold a resident's data on a shared PC.
            if (!context.Request.Path.StartsWithSegments("/css") && !context.Request.Path.StartsWithSegments("/js")
                && !context.Request.Path.StartsWithSegments("/img"))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next();
    });
}
