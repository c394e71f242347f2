using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HelpDesk.Domain;
using HelpDesk.Web.Resources;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace HelpDesk.Web.Setup;

public static class LocalizationSetup
{
    public static readonly CultureInfo[] SupportedCultures = Cultures.All.Select(CultureInfo.GetCultureInfo).ToArray();

    /// <summary>Four languages, chosen by cookie, ?culture= or Accept-Language; Vietnamese by default.</summary>
    public static void AddHelpDeskLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures.Default);
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // Query string, then the .AspNetCore.Culture cookie, then Accept-Language (the defaults, in that order).
        });
        // Vietnamese and Chinese reach the browser as text, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
    }

    /// <summary>Every validation and model-binding message comes from the resources.</summary>
    public static IMvcBuilder AddLocalizedValidation(this IMvcBuilder mvc)
    {
        mvc.AddDataAnnotationsLocalization(options =>
            options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Strings)));
        mvc.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, LocalizedModelBindingMessages>();
        return mvc;
    }

    /// <summary>
    /// A link with ?culture= (printed on a slip, sent by a relative) keeps its language on the next
    /// pages and form posts, by storing the choice in the culture cookie.
    /// </summary>
    public static void RememberCultureFromQuery(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.Request.Query.TryGetValue("culture", out var requested) && Cultures.All.Contains(requested.ToString()))
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(requested.ToString())),
                CultureCookieOptions());
        }
        await next();
    });

    public static CookieOptions CultureCookieOptions() =>
        new() { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax };
}
