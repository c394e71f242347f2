using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Setup;

public static class SecuritySetup
{
    /// <summary>The policy for public pages that take a code (activation, consent check, dossier tracking): a few tries per minute per address.</summary>
    public const string PublicCodes = "public-codes";

    /// <summary>
    /// Guessing codes is slowed down: each client address gets HelpDesk:Security:PublicCodeLimitPerMinute
    /// attempts a minute, then 429 (0 turns the limit off, for a load benchmark only).
    /// </summary>
    public static void AddHelpDeskRateLimits(this IServiceCollection services) => services.AddRateLimiter(options =>
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(PublicCodes, context =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<HelpDeskOptions>>().Value.Security.PublicCodeLimitPerMinute;
            return limit <= 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });
        });
    });

    /// <summary>
    /// The client address and the kind of code (the first path segment: t, c, activate), so that a family
    /// checking a consent receipt is not locked out of tracking its dossier, while /t and /t/{code} count together.
    /// </summary>
    private static string PartitionOf(HttpContext context) =>
        $"{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"} {context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()}";

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
            // A response that set its own, stricter policy (a scan: no script, sandboxed) keeps it.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
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
