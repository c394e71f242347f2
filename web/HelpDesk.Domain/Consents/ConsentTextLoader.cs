using System.Text.Json;
using System.Text.RegularExpressions;
using HelpDesk.Domain.Procedures;

namespace HelpDesk.Domain.Consents;

/// <summary>
/// Reads content/consent/*.json strictly (format in content/README.md): a missing translation, an
/// unknown purpose or a placeholder left out stops start-up with the file, the place and the problem.
/// </summary>
public static partial class ConsentTextLoader
{
    public static ConsentTexts LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new ContentException(directory, "", "the consent folder does not exist");
        var versions = Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(LoadFile).ToList();
        if (versions.Count == 0) throw new ContentException(directory, "", "no consent text (*.json)");
        return new ConsentTexts(versions);
    }

    public static ConsentText LoadFile(string file)
    {
        var name = Path.GetFileName(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException error)
        {
            throw new ContentException(name, $"line {error.LineNumber + 1}", "not valid JSON: " + error.Message);
        }
        using (document) return new Reader(name).Text(document.RootElement);
    }

    [GeneratedRegex(@"^\d{4}\.\d+$")] private static partial Regex VersionPattern();

    private sealed class Reader(string file) : ContentReader(file)
    {
        public ConsentText Text(JsonElement root)
        {
            Only(root, "$", "version", "title", "statement", "purposes", "durations", "rights", "explanationNote");
            var version = String(root, "$", "version");
            if (!VersionPattern().IsMatch(version)) Fail("$.version", $"'{version}' must look like 2026.1");
            if (FileName != version + ".json") Fail("$.version", $"'{version}' does not match the file name");

            var statement = Text(root, "$", "statement");
            Placeholders(statement, "$.statement", "{point}", "{ward}");
            var purposes = Array(root, "$", "purposes").Select((p, i) => Purpose(p, $"$.purposes[{i}]")).ToList();
            var missing = ConsentPurpose.All.FirstOrDefault(id => purposes.All(p => p.Id != id));
            if (missing is not null) Fail("$.purposes", $"the purpose '{missing}' has no text");
            UniqueIds(purposes.Select(p => p.Id), "$.purposes");
            var durations = Array(root, "$", "durations").Select((d, i) => Duration(d, $"$.durations[{i}]")).ToList();
            if (durations.Count == 0) Fail("$.durations", "at least one duration is needed");
            UniqueIds(durations.Select(d => d.Id), "$.durations");

            return new ConsentText(version, Text(root, "$", "title"), statement, purposes, durations,
                Text(root, "$", "rights"), Text(root, "$", "explanationNote"));
        }

        private ConsentPurposeText Purpose(JsonElement element, string path)
        {
            Only(element, path, "id", "text");
            var id = String(element, path, "id");
            if (!ConsentPurpose.All.Contains(id)) Fail(path + ".id", $"'{id}' is not one of: {string.Join(", ", ConsentPurpose.All)}");
            var text = Text(element, path, "text");
            if (id == ConsentPurpose.FileProcedure) Placeholders(text, path + ".text", "{procedures}");
            return new ConsentPurposeText(id, text);
        }

        private ConsentDuration Duration(JsonElement element, string path)
        {
            Only(element, path, "id", "days", "label");
            var days = Int(Required(element, path, "days"), path + ".days");
            if (days is < 0 or > 3660) Fail(path + ".days", "must be between 0 (today only) and 3660");
            return new ConsentDuration(String(element, path, "id"), days, Text(element, path, "label"));
        }

        private void Placeholders(LocalizedText text, string path, params string[] placeholders)
        {
            foreach (var (culture, value) in text.ByCulture)
                foreach (var placeholder in placeholders.Where(p => !value.Contains(p, StringComparison.Ordinal)))
                    Fail($"{path}.{culture}", $"must contain {placeholder}");
        }
    }
}
