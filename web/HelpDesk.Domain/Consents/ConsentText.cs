using System.Security.Cryptography;
using System.Text;
using HelpDesk.Domain.Procedures;

namespace HelpDesk.Domain.Consents;

/// <summary>One purpose a resident may agree to, with its wording.</summary>
public sealed record ConsentPurposeText(string Id, LocalizedText Text);

/// <summary>How long a consent lasts: 0 days means until the end of the day it is given.</summary>
public sealed record ConsentDuration(string Id, int Days, LocalizedText Label);

/// <summary>
/// One version of the consent document (content/consent/{version}.json). The Vietnamese text is the
/// binding one; the other languages explain it and say so. A consent records the version and the
/// hash of the Vietnamese text exactly as it was shown, with the resident's choices filled in.
/// </summary>
public sealed class ConsentText(
    string version, LocalizedText title, LocalizedText statement, IReadOnlyList<ConsentPurposeText> purposes,
    IReadOnlyList<ConsentDuration> durations, LocalizedText rights, LocalizedText explanationNote)
{
    public string Version { get; } = version;
    public LocalizedText Title { get; } = title;
    public LocalizedText Statement { get; } = statement;
    public IReadOnlyList<ConsentPurposeText> Purposes { get; } = purposes;
    public IReadOnlyList<ConsentDuration> Durations { get; } = durations;
    public LocalizedText Rights { get; } = rights;
    /// <summary>"This translation explains the Vietnamese text, which is the binding one."</summary>
    public LocalizedText ExplanationNote { get; } = explanationNote;

    public ConsentDuration? Duration(string id) => Durations.FirstOrDefault(d => d.Id == id);

    /// <summary>The statement with the point and the ward named.</summary>
    public string StatementIn(string culture, string point, string ward) =>
        Statement.In(culture).Replace("{point}", point).Replace("{ward}", ward);

    /// <summary>A purpose's sentence; for filing, with the procedures' names in that language.</summary>
    public string PurposeIn(string culture, string purpose, IEnumerable<string> procedureNames) =>
        Purposes.Single(p => p.Id == purpose).Text.In(culture).Replace("{procedures}", string.Join("; ", procedureNames));

    /// <summary>
    /// The whole document in <paramref name="culture"/> as the resident reads it: title, statement,
    /// each chosen purpose, the duration, the rights. Rendered the same way for display and for hashing.
    /// </summary>
    public IReadOnlyList<string> Render(string culture, ConsentChoices choices)
    {
        var lines = new List<string> { Title.In(culture), StatementIn(culture, choices.PointName, choices.WardName) };
        foreach (var purpose in Purposes.Where(p => choices.Purposes.Contains(p.Id)))
            lines.Add("☑ " + PurposeIn(culture, purpose.Id, choices.ProcedureNames.Select(n => n.In(culture))));
        lines.Add(Duration(choices.DurationId)?.Label.In(culture) ?? choices.DurationId);
        lines.Add(Rights.In(culture));
        return lines;
    }

    /// <summary>SHA-256 (hex) of the binding Vietnamese text for these choices.</summary>
    public string HashOf(ConsentChoices choices) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Version + "\n" + string.Join("\n", Render(Cultures.Vietnamese, choices)))));
}

/// <summary>What the resident chose, and the names the text fills in.</summary>
public sealed record ConsentChoices(
    IReadOnlyCollection<string> Purposes, IReadOnlyList<LocalizedText> ProcedureNames, string DurationId, string PointName, string WardName);

/// <summary>Every version of the consent text; new consents use the newest, old ones keep theirs.</summary>
public sealed class ConsentTexts(IReadOnlyList<ConsentText> versions)
{
    public IReadOnlyList<ConsentText> Versions { get; } = versions;
    /// <summary>The newest version (versions compare as "year.number").</summary>
    public ConsentText Current { get; } = versions.OrderBy(v => Version.Parse(v.Version)).Last();
    public ConsentText? Find(string version) => Versions.FirstOrDefault(v => v.Version == version);
}
