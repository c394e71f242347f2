using HelpDesk.Domain;
using HelpDesk.Web.Resources;

namespace HelpDesk.Web.Printouts;

/// <summary>The model of <c>_PrintHead</c>: who issues the printout, its title (a resource key) and the dossier number.</summary>
public sealed record PrintHeading(DossierPrintout Printout, string TitleKey);

/// <summary>
/// The model of <c>_ReadAloud</c>: what the printout says aloud (the browser's speech synthesis) in Vietnamese
/// and in the resident's language, and the caption of the print button.
/// </summary>
public sealed record ReadAloud(TwoLanguages Texts, Func<string, string> Speech, string PrintKey)
{
    /// <summary>
    /// A date as a voice should say it in <paramref name="culture"/> ("ngày 9 tháng 12 năm 2026", "2026年12月9日"):
    /// "09/12/2026" is read digit by digit or as a fraction.
    /// </summary>
    public static string SpokenDate(DateOnly date, string culture) =>
        TextsIn.Get(culture, "Speech_Date", date.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// A dossier number or code spelled out, one character at a time with a pause between groups
    /// ("T N 0 1, 2 6 1 2 0 8, 0 0 0 1"), so a voice does not read "TN01" as a word or "261208" as a large number.
    /// </summary>
    public static string Spelled(string grouped) =>
        string.Join(", ", grouped.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(group => string.Join(' ', group.ToCharArray())));

    /// <summary>The speech culture for <paramref name="culture"/>: vi-VN, zh-CN, zh-TW or en-US.</summary>
    public static string SpeechLanguage(string culture) => culture switch
    {
        Cultures.SimplifiedChinese => "zh-CN",
        Cultures.TraditionalChinese => "zh-TW",
        Cultures.English => "en-US",
        _ => "vi-VN",
    };
}

/// <summary>The model of <c>_PrintSignatures</c>: the two signature boxes, left and right (resource keys).</summary>
public sealed record Signatures(TwoLanguages Texts, string LeftKey, string RightKey);
