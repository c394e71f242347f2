using System.Xml.Linq;
using HelpDesk.Domain;
using HelpDesk.Testing;

namespace HelpDesk.Browser.Tests.Infrastructure;

/// <summary>The app's texts read from its .resx files, so tests expect what translators wrote, not a copy.</summary>
public static class ResourceStrings
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Loaded = new();

    public static string Value(string culture, string key)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(culture, out var texts)) Loaded[culture] = texts = Load(culture);
            return texts.TryGetValue(key, out var text)
                ? text
                : throw new KeyNotFoundException($"{key} is missing from {FileFor(culture)}.");
        }
    }

    private static string FileFor(string culture) =>
        Path.Combine(RepositoryPaths.Web, "Resources", culture == Cultures.English ? "Strings.resx" : $"Strings.{culture}.resx");

    private static IReadOnlyDictionary<string, string> Load(string culture) =>
        XDocument.Load(FileFor(culture)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
}
