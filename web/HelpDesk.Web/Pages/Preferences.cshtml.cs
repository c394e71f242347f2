using HelpDesk.Domain;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDesk.Web.Pages;

/// <summary>Language and text size, remembered in cookies for everyone, signed in or not.</summary>
/// <remarks>
/// No anti-forgery token: any link can already set the language (<c>?culture=</c>), the choices touch nothing but
/// the visitor's own display, and a token in every page's header would set a cookie on anonymous pages and keep
/// them (the public tracking page above all) out of the output cache.
/// </remarks>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class PreferencesModel : PageModel
{
    public IActionResult OnGet() => NotFound();
    public IActionResult OnPost() => NotFound();

    public IActionResult OnPostLanguage(string culture, string? returnUrl)
    {
        if (Cultures.All.Contains(culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                LocalizationSetup.CultureCookieOptions());
        }
        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    public IActionResult OnPostTextSize(string size, string? returnUrl)
    {
        Response.Cookies.Append(
            DisplayPreferences.TextSizeCookie,
            size == DisplayPreferences.Large ? DisplayPreferences.Large : DisplayPreferences.Normal,
            LocalizationSetup.CultureCookieOptions());
        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    private string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !Url.IsLocalUrl(returnUrl)) return "~/";
        // A ?culture= in the address would override the choice just made.
        var withoutCulture = System.Text.RegularExpressions.Regex.Replace(returnUrl, @"([?&])culture=[^&]*&?", "$1").TrimEnd('?', '&');
        return withoutCulture.Length == 0 ? "~/" : withoutCulture;
    }
}

/// <summary>Cookie names and values for the display preferences.</summary>
public static class DisplayPreferences
{
    public const string TextSizeCookie = "hd.text";
    public const string Large = "large";
    public const string Normal = "normal";
}
