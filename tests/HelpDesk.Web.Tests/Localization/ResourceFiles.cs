using System.Xml.Linq;
using HelpDesk.Domain;
using HelpDesk.Testing;

namespace HelpDesk.Web.Tests.Localization;

/// <summary>The .resx files as data: culture → key → text. English is the neutral file.</summary>
public static class ResourceFiles
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ByCulture =
        Cultures.All.ToDictionary(c => c, Load);

    public static string Value(string culture, string key) => ByCulture[culture][key];

    public static string FileFor(string culture) =>
        Path.Combine(RepositoryPaths.Web, "Resources", culture == Cultures.English ? "Strings.resx" : $"Strings.{culture}.resx");

    private static IReadOnlyDictionary<string, string> Load(string culture) =>
        XDocument.Load(FileFor(culture)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
}
