using System.Globalization;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Web.Pages;
using Microsoft.AspNetCore.OutputCaching;

namespace HelpDesk.Web.Dossiers;

/// <summary>
/// The public tracking page (<c>/t/{code}</c>) is rendered once per code, language and text size, and served from
/// the output cache until the dossier moves (or <see cref="Lifetime"/> passes): a slip's QR is scanned far more
/// often than a dossier changes, and rendering the page costs some ten times a minimal answer (docs/benchmarks.md).
/// The cache sits after the rate limiter, so cached answers count against a client's tries like any other.
/// </summary>
public sealed class TrackingPageCache(IOutputCacheStore store)
{
    public const string Policy = "tracking-page";

    /// <summary>
    /// How stale a page may be when nothing evicted it: a dossier moved on another instance of the app (this one's
    /// moves evict at once). Short, so a resident never waits long for a move to show.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>The cache tag of one code's pages: from its lookup hash, so the code itself is never a key or a log entry.</summary>
    public static string TagFor(string lookupHash) => "track:" + lookupHash;

    /// <summary>Drops every cached page of the dossier (all languages), once its change is committed.</summary>
    public ValueTask EvictAsync(Dossier dossier) => store.EvictByTagAsync(TagFor(dossier.TrackingCodeHash), CancellationToken.None);
}

/// <summary>
/// Which tracking answers are cached, and under which key. Known (200) and unknown (404) codes alike, so both take
/// the same time; only anonymous requests without a query string (<c>?culture=</c> sets a cookie and is answered
/// fresh); never an answer that sets a cookie. The key holds the path, the language actually chosen for the request
/// (cookie, query or Accept-Language, after request localisation) and the text size, the two things the page
/// varies by besides the code. The page carries no nonce (the CSP allows our own files only), so a cached copy stays valid.
/// </summary>
internal sealed class TrackingPagePolicy : IOutputCachePolicy
{
    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.QueryString.HasValue
            && context.HttpContext.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TrackingPageCache.Lifetime;
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["text"] =
            request.Cookies[DisplayPreferences.TextSizeCookie] == DisplayPreferences.Large ? DisplayPreferences.Large : DisplayPreferences.Normal;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status404NotFound) || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
        // Tagged only when stored: the hash is worked out once per rendering, not on every hit.
        if (context.HttpContext.GetRouteValue("code") is string code && TrackingCode.Parse(code, out var parsed) == TrackingCodeCheck.Valid)
            context.Tags.Add(TrackingPageCache.TagFor(parsed!.LookupHash));
        return ValueTask.CompletedTask;
    }
}
