using System.Text.Encodings.Web;
using HelpDesk.Domain;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Resources;
using Microsoft.AspNetCore.Html;

namespace HelpDesk.Web.Printouts;

/// <summary>
/// Writes a printout's texts in Vietnamese, the binding language, followed by the resident's language when it
/// is another (a <c>resident-text</c> span the print styles place beside or beneath). Each part carries its
/// <c>lang</c>, so screen readers and fonts pick the right voice and glyphs.
/// </summary>
public sealed class TwoLanguages(string residentCulture)
{
    public string Resident => residentCulture;
    public bool Bilingual => residentCulture != Cultures.Vietnamese;

    /// <summary>The resource text <paramref name="key"/> in both languages.</summary>
    public IHtmlContent Text(string key, params object[] arguments) =>
        Both(TextsIn.Get(Cultures.Vietnamese, key, arguments), Bilingual ? TextsIn.Get(residentCulture, key, arguments) : null);

    /// <summary>A content name (procedure, paper) in both languages.</summary>
    public IHtmlContent Name(LocalizedText text) => Both(text.Vietnamese, Bilingual ? text.In(residentCulture) : null);

    private IHtmlContent Both(string vietnamese, string? residents)
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml("<span lang=\"vi\">").Append(vietnamese).AppendHtml("</span>");
        if (residents is not null)
            html.AppendHtml($"<span class=\"resident-text\" lang=\"{HtmlEncoder.Default.Encode(residentCulture)}\">").Append(residents).AppendHtml("</span>");
        return html;
    }
}
