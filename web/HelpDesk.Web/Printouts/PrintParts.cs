using HelpDesk.Domain;

namespace HelpDesk.Web.Printouts;

/// <summary>The model of <c>_PrintHead</c>: who issues the printout, its title (a resource key) and the dossier number.</summary>
public sealed record PrintHeading(DossierPrintout Printout, string TitleKey);

/// <summary>
/// The model of <c>_ReadAloud</c>: what the printout says aloud (the browser's speech synthesis) in Vietnamese
/// and in the resident's language, and the caption of the print button.
/// </summary>
public sealed record ReadAloud(TwoLanguages Texts, Func<string, string> Speech, string PrintKey)
{
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
