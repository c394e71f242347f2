using System.Text.Json;
using System.Text.RegularExpressions;

namespace HelpDesk.Domain.Procedures;

/// <summary>
/// Reads content/procedures/*.json strictly: an unknown property, a missing translation or a
/// bad value stops start-up with a message naming the file, the property and the problem.
/// The format is documented in content/README.md.
/// </summary>
public static partial class ProcedureLoader
{
    public static ProcedureCatalog LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new ContentException(directory, "", "the procedures folder does not exist");
        var procedures = Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal)
            .Select(file => LoadFile(file)).ToList();
        if (procedures.Count == 0) throw new ContentException(directory, "", "no procedure files (*.json)");
        Duplicate(procedures.Select(p => (p.Code, "code")), Path.GetFileName(directory));
        Duplicate(procedures.Select(p => (p.Slug, "slug")), Path.GetFileName(directory));
        return new ProcedureCatalog(procedures);
    }

    public static ProcedureDefinition LoadFile(string file)
    {
        var name = Path.GetFileName(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException error)
        {
            throw new ContentException(name, $"line {error.LineNumber + 1}", "not valid JSON: " + error.Message);
        }
        using (document) return new Reader(name).Procedure(document.RootElement);
    }

    private static void Duplicate(IEnumerable<(string Value, string What)> values, string file)
    {
        var repeated = values.GroupBy(v => v.Value).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new ContentException(file, repeated.First().What, $"'{repeated.Key}' is used by more than one procedure");
    }

    [GeneratedRegex(@"^\d\.\d{6}$")] private static partial Regex CodePattern();
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex SlugPattern();
    [GeneratedRegex(@"^[a-z][A-Za-z0-9]*$")] private static partial Regex IdPattern();

    private sealed class Reader(string file) : ContentReader(file)
    {
        public ProcedureDefinition Procedure(JsonElement root)
        {
            Only(root, "$", "code", "slug", "name", "summary", "authority", "timeLimit", "fee", "proxy", "documents", "steps");
            var code = String(root, "$", "code");
            if (!CodePattern().IsMatch(code)) Fail("$.code", $"'{code}' is not a national procedure code like 1.001193");
            var slug = String(root, "$", "slug");
            if (!SlugPattern().IsMatch(slug)) Fail("$.slug", $"'{slug}' must be lower-case words joined by hyphens");

            var documents = Array(root, "$", "documents").Select((d, i) => Document(d, $"$.documents[{i}]")).ToList();
            UniqueIds(documents.Select(d => d.Id), "$.documents");
            var steps = Array(root, "$", "steps").Select((s, i) => Step(s, $"$.steps[{i}]")).ToList();
            if (steps.Count == 0) Fail("$.steps", "a procedure needs at least one step");
            UniqueIds(steps.Select(s => s.Id), "$.steps");
            UniqueIds(steps.SelectMany(s => s.Fields).Select(f => f.Id), "$.steps[*].fields");

            return new ProcedureDefinition(code, slug,
                Text(root, "$", "name"), Text(root, "$", "summary"), Text(root, "$", "authority"),
                TimeLimit(Required(root, "$", "timeLimit"), "$.timeLimit"), Text(root, "$", "fee"),
                Proxy(Required(root, "$", "proxy"), "$.proxy"), documents, steps);
        }

        private TimeLimit TimeLimit(JsonElement element, string path)
        {
            Only(element, path, "kind", "value");
            var kind = Enum<TimeLimitKind>(element, path, "kind");
            var value = element.TryGetProperty("value", out var v) ? Int(v, path + ".value") : 0;
            if (kind is TimeLimitKind.WorkingDays or TimeLimitKind.Days && value <= 0)
                Fail(path + ".value", $"a '{Camel(kind.ToString())}' time limit needs a positive value");
            if (kind is TimeLimitKind.SameDay or TimeLimitKind.None && value != 0)
                Fail(path + ".value", $"a '{Camel(kind.ToString())}' time limit takes no value");
            return new TimeLimit(kind, value);
        }

        private ProxyRule Proxy(JsonElement element, string path)
        {
            Only(element, path, "allowed", "note");
            return new ProxyRule(Bool(element, path, "allowed"), OptionalText(element, path, "note"));
        }

        private RequiredDocument Document(JsonElement element, string path)
        {
            Only(element, path, "id", "name", "form", "required", "when");
            return new RequiredDocument(Id(element, path), Text(element, path, "name"), Enum<DocumentForm>(element, path, "form"),
                Bool(element, path, "required"), OptionalText(element, path, "when"));
        }

        private FormStep Step(JsonElement element, string path)
        {
            Only(element, path, "id", "title", "fields");
            var fields = Array(element, path, "fields").Select((f, i) => Field(f, $"{path}.fields[{i}]", nested: false)).ToList();
            if (fields.Count == 0) Fail(path + ".fields", "a step needs at least one field");
            return new FormStep(Id(element, path), Text(element, path, "title"), fields);
        }

        private FieldDefinition Field(JsonElement element, string path, bool nested)
        {
            Only(element, path, "id", "type", "required", "label", "help", "options", "min", "max", "maxLength", "fields", "minItems", "maxItems");
            var type = Enum<FieldType>(element, path, "type");
            var id = Id(element, path);
            var options = element.TryGetProperty("options", out var o)
                ? Array(element, path, "options").Select((option, i) => Option(option, $"{path}.options[{i}]")).ToList()
                : [];
            if (type == FieldType.Select && options.Count < 2) Fail(path + ".options", "a select needs at least two options");
            if (type != FieldType.Select && options.Count > 0) Fail(path + ".options", $"only a select has options, not a '{Camel(type.ToString())}'");
            UniqueIds(options.Select(x => x.Value), path + ".options");

            List<FieldDefinition> fields = [];
            int minItems = 0, maxItems = 0;
            if (type == FieldType.PersonBlock)
            {
                if (nested) Fail(path + ".type", "a personBlock cannot contain another personBlock");
                fields = Array(element, path, "fields").Select((f, i) => Field(f, $"{path}.fields[{i}]", nested: true)).ToList();
                if (fields.Count == 0) Fail(path + ".fields", "a personBlock needs fields");
                UniqueIds(fields.Select(f => f.Id), path + ".fields");
                minItems = element.TryGetProperty("minItems", out var min) ? Int(min, path + ".minItems") : 0;
                maxItems = element.TryGetProperty("maxItems", out var max) ? Int(max, path + ".maxItems") : 1;
                if (minItems < 0 || maxItems < 1 || minItems > maxItems) Fail(path + ".maxItems", "need 0 <= minItems <= maxItems and maxItems >= 1");
            }
            else if (element.TryGetProperty("fields", out _) || element.TryGetProperty("minItems", out _) || element.TryGetProperty("maxItems", out _))
            {
                Fail(path, "only a personBlock has fields, minItems and maxItems");
            }

            decimal? lower = element.TryGetProperty("min", out var mn) ? Decimal(mn, path + ".min") : null;
            decimal? upper = element.TryGetProperty("max", out var mx) ? Decimal(mx, path + ".max") : null;
            if ((lower ?? upper) is not null && type is not (FieldType.Number or FieldType.Money))
                Fail(path, "min and max apply to number and money fields only");
            if (lower > upper) Fail(path + ".min", "min is greater than max");
            int? maxLength = element.TryGetProperty("maxLength", out var ml) ? Int(ml, path + ".maxLength") : null;
            if (maxLength is <= 0) Fail(path + ".maxLength", "must be positive");

            return new FieldDefinition(id, type, Bool(element, path, "required"), Text(element, path, "label"),
                OptionalText(element, path, "help"), options, lower, upper, maxLength, fields, minItems, maxItems);
        }

        private SelectOption Option(JsonElement element, string path)
        {
            Only(element, path, "value", "label");
            var value = String(element, path, "value");
            if (!IdPattern().IsMatch(value)) Fail(path + ".value", $"'{value}' must be a camelCase identifier");
            return new SelectOption(value, Text(element, path, "label"));
        }

        private string Id(JsonElement element, string path)
        {
            var id = String(element, path, "id");
            if (!IdPattern().IsMatch(id)) Fail(path + ".id", $"'{id}' must be a camelCase identifier");
            return id;
        }
    }
}
