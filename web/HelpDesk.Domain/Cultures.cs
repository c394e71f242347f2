namespace HelpDesk.Domain;

/// <summary>The languages every screen and printout is offered in. Vietnamese is the default and the legal text.</summary>
public static class Cultures
{
    public const string Vietnamese = "vi";
    public const string SimplifiedChinese = "zh-Hans";
    public const string TraditionalChinese = "zh-Hant";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Vietnamese, SimplifiedChinese, TraditionalChinese, English];
    public const string Default = Vietnamese;
}
