using System.Globalization;
using System.Resources;

namespace HelpDesk.Web.Resources;

/// <summary>
/// Texts in a culture other than the page's: printouts carry Vietnamese (the binding language)
/// beside the resident's language, whatever language the volunteer's screen is in.
/// </summary>
public static class TextsIn
{
    private static readonly ResourceManager Resources = new(typeof(Strings).FullName!, typeof(Strings).Assembly);

    public static string Get(string culture, string key, params object[] arguments)
    {
        var text = Resources.GetString(key, CultureInfo.GetCultureInfo(culture)) ?? key;
        return arguments.Length == 0 ? text : string.Format(CultureInfo.GetCultureInfo(culture), text, arguments);
    }

    /// <summary>The resource key for a content id: ("ConsentPurpose_", "keep-scans") → "ConsentPurpose_KeepScans".</summary>
    public static string KeyOf(string prefix, string id) =>
        prefix + string.Concat(id.Split('-', '.').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
