namespace HelpDesk.Domain.Procedures;

/// <summary>A text in every supported culture. Content files must give all four.</summary>
public sealed class LocalizedText(IReadOnlyDictionary<string, string> byCulture)
{
    public IReadOnlyDictionary<string, string> ByCulture { get; } = byCulture;

    /// <summary>The text in <paramref name="culture"/>, falling back to Vietnamese, the binding language.</summary>
    public string In(string culture) =>
        ByCulture.TryGetValue(culture, out var text) ? text : ByCulture[Cultures.Vietnamese];

    public string Vietnamese => ByCulture[Cultures.Vietnamese];
}
