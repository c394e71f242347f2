using System.Globalization;
using System.Text;

namespace HelpDesk.Domain.People;

/// <summary>
/// Vietnamese names as people type them at a desk: without diacritics, any case, extra spaces.
/// "Nguyễn Văn Bảo" and "nguyen  van bao" fold to the same text; đ/Đ fold to d.
/// </summary>
public static class NameFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c) || c is '-' or '\'')
            {
                if (!lastWasSpace) folded.Append(' ');
                lastWasSpace = true;
                continue;
            }
            folded.Append(char.ToLowerInvariant(c));
            lastWasSpace = false;
        }
        return folded.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of a folded name, each one a search token.</summary>
    public static IReadOnlyList<string> Tokens(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
}
