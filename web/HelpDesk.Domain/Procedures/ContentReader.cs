using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace HelpDesk.Domain.Procedures;

/// <summary>
/// Strict reading of a content file: every helper fails with a <see cref="ContentException"/> that
/// names the file, the JSON path and the problem, so a bad file stops start-up with a clear message.
/// </summary>
public abstract class ContentReader(string file)
{
    /// <summary>The file's name, as error messages show it.</summary>
    protected string FileName { get; } = file;

    protected LocalizedText Text(JsonElement parent, string path, string name) =>
        LocalizedTextAt(Required(parent, path, name), $"{path}.{name}");

    protected LocalizedText? OptionalText(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out var element) ? LocalizedTextAt(element, $"{path}.{name}") : null;

    protected LocalizedText LocalizedTextAt(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) Fail(path, "must be an object with vi, zh-Hans, zh-Hant and en");
        Only(element, path, [.. Cultures.All]);
        var texts = new Dictionary<string, string>();
        foreach (var culture in Cultures.All)
        {
            if (!element.TryGetProperty(culture, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                Fail($"{path}.{culture}", "translation missing");
            texts[culture] = value.GetString()!.Trim();
        }
        return new LocalizedText(texts);
    }

    protected void UniqueIds(IEnumerable<string> ids, string path)
    {
        var repeated = ids.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) Fail(path, $"'{repeated.Key}' is used twice");
    }

    protected TEnum Enum<TEnum>(JsonElement parent, string path, string name) where TEnum : struct, System.Enum
    {
        var text = String(parent, path, name);
        var match = System.Enum.GetValues<TEnum>().FirstOrDefault(v => Camel(v.ToString()) == text);
        if (Camel(match.ToString()) != text)
            Fail($"{path}.{name}", $"'{text}' is not one of: {string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => Camel(v.ToString())))}");
        return match;
    }

    protected static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    protected string String(JsonElement parent, string path, string name)
    {
        var element = Required(parent, path, name);
        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
            Fail($"{path}.{name}", "must be a non-empty string");
        return element.GetString()!;
    }

    protected bool Bool(JsonElement parent, string path, string name)
    {
        var element = Required(parent, path, name);
        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) Fail($"{path}.{name}", "must be true or false");
        return element.GetBoolean();
    }

    protected int Int(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value)) Fail(path, "must be a whole number");
        return element.GetInt32();
    }

    protected decimal Decimal(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number) Fail(path, "must be a number");
        return element.GetDecimal();
    }

    protected IEnumerable<JsonElement> Array(JsonElement parent, string path, string name)
    {
        var element = Required(parent, path, name);
        if (element.ValueKind != JsonValueKind.Array) Fail($"{path}.{name}", "must be a list");
        return element.EnumerateArray().ToList();
    }

    protected JsonElement Required(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out var element)) Fail($"{path}.{name}", "missing");
        return element;
    }

    protected void Only(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object) Fail(path, "must be an object");
        var unknown = element.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !allowed.Contains(n));
        if (unknown is not null) Fail($"{path}.{unknown}", $"unknown property (allowed: {string.Join(", ", allowed)})");
    }


    [DoesNotReturn]
    protected void Fail(string path, string problem) => throw new ContentException(FileName, path, problem);
}
