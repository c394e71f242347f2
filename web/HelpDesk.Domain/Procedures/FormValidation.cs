using System.Globalization;
using System.Text.RegularExpressions;
using HelpDesk.Domain.People;

namespace HelpDesk.Domain.Procedures;

/// <summary>A value that was refused: the form key it belongs to and an <see cref="ErrorCodes"/> code with its arguments.</summary>
public sealed record FieldError(string Key, string Code, params object[] Arguments);

/// <summary>
/// Checks and normalises the answers of one step. Answers are flat string pairs, as a form posts
/// them: "fullName", an address as "home.street" / "home.ward" / "home.province", a person block
/// item as "father[0].fullName". Normalised values (a phone with +84 becomes 0…, a date becomes
/// dd/MM/yyyy, money loses its thousand separators) replace what was typed.
/// </summary>
public static partial class FormValidation
{
    public const string DateFormat = "dd/MM/yyyy";
    public static readonly string[] AddressParts = ["street", "ward", "province"];
    private const int DefaultMaxLength = 200;

    public static (Dictionary<string, string> Answers, List<FieldError> Errors) ValidateStep(
        FormStep step, IReadOnlyDictionary<string, string> input)
    {
        var answers = new Dictionary<string, string>();
        var errors = new List<FieldError>();
        foreach (var field in step.Fields)
        {
            if (field.Type == FieldType.PersonBlock) ValidateBlock(field, input, answers, errors);
            else ValidateField(field, field.Id, input, answers, errors);
        }
        return (answers, errors);
    }

    /// <summary>How many items of a person block the answers hold (items are numbered from 0 without gaps).</summary>
    public static int ItemCount(FieldDefinition block, IReadOnlyDictionary<string, string> answers)
    {
        var count = 0;
        while (answers.Keys.Any(k => k.StartsWith($"{block.Id}[{count}].", StringComparison.Ordinal))) count++;
        return count;
    }

    /// <summary>
    /// The values with item <paramref name="index"/> of a person block taken out and the items after it
    /// moved up one, so "remove" leaves no gap.
    /// </summary>
    public static Dictionary<string, string> WithoutItem(FieldDefinition block, IReadOnlyDictionary<string, string> values, int index)
    {
        var result = new Dictionary<string, string>();
        var prefix = block.Id + "[";
        foreach (var (key, value) in values)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) { result[key] = value; continue; }
            var close = key.IndexOf("].", prefix.Length, StringComparison.Ordinal);
            if (close < 0 || !int.TryParse(key.AsSpan(prefix.Length, close - prefix.Length), out var item)) { result[key] = value; continue; }
            if (item == index) continue;
            var moved = item > index ? item - 1 : item;
            result[$"{prefix}{moved}{key[close..]}"] = value;
        }
        return result;
    }

    private static void ValidateBlock(FieldDefinition block, IReadOnlyDictionary<string, string> input,
        Dictionary<string, string> answers, List<FieldError> errors)
    {
        // An item with every field left blank was not filled in: it does not count.
        var items = Enumerable.Range(0, ItemCount(block, input))
            .Where(i => input.Any(p => p.Key.StartsWith($"{block.Id}[{i}].", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(p.Value)))
            .ToList();
        var minimum = Math.Max(block.MinItems, block.Required ? 1 : 0);
        if (items.Count < minimum) errors.Add(new FieldError(block.Id, ErrorCodes.FieldTooFewItems, minimum));
        if (items.Count > block.MaxItems) errors.Add(new FieldError(block.Id, ErrorCodes.FieldTooManyItems, block.MaxItems));

        for (var n = 0; n < items.Count; n++)
        {
            // Renumber so the stored answers have no gaps.
            var renamed = input.Where(p => p.Key.StartsWith($"{block.Id}[{items[n]}].", StringComparison.Ordinal))
                .ToDictionary(p => $"{block.Id}[{n}]." + p.Key[($"{block.Id}[{items[n]}].").Length..], p => p.Value);
            foreach (var field in block.Fields)
                ValidateField(field, $"{block.Id}[{n}].{field.Id}", renamed, answers, errors);
        }
    }

    private static void ValidateField(FieldDefinition field, string key, IReadOnlyDictionary<string, string> input,
        Dictionary<string, string> answers, List<FieldError> errors)
    {
        if (field.Type == FieldType.Address)
        {
            var parts = AddressParts.ToDictionary(p => p, p => input.GetValueOrDefault($"{key}.{p}")?.Trim() ?? "");
            if (parts.Values.All(v => v.Length == 0))
            {
                if (field.Required) errors.Add(new FieldError(key, ErrorCodes.FieldRequired));
                return;
            }
            foreach (var (part, text) in parts)
            {
                if (text.Length == 0) errors.Add(new FieldError($"{key}.{part}", ErrorCodes.FieldRequired));
                else if (text.Length > DefaultMaxLength) errors.Add(new FieldError($"{key}.{part}", ErrorCodes.FieldTooLong, DefaultMaxLength));
                else answers[$"{key}.{part}"] = text;
            }
            return;
        }

        var raw = input.GetValueOrDefault(key)?.Trim() ?? "";
        if (raw.Length == 0)
        {
            if (field.Required) errors.Add(new FieldError(key, ErrorCodes.FieldRequired));
            return;
        }
        var (value, error) = Normalize(field, raw);
        if (error is not null) errors.Add(error with { Key = key });
        else answers[key] = value!;
    }

    private static (string? Value, FieldError? Error) Normalize(FieldDefinition field, string raw)
    {
        var maxLength = field.MaxLength ?? DefaultMaxLength;
        switch (field.Type)
        {
            case FieldType.Text:
                return raw.Length > maxLength ? (null, Refused(ErrorCodes.FieldTooLong, maxLength)) : (raw, null);
            case FieldType.PersonName:
                var name = Spaces().Replace(raw, " ");
                if (name.Length > maxLength) return (null, Refused(ErrorCodes.FieldTooLong, maxLength));
                return NameCharacters().IsMatch(name) ? (name, null) : (null, Refused(ErrorCodes.FieldPersonName));
            case FieldType.Date:
                return DateOnly.TryParseExact(raw, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString(DateFormat, CultureInfo.InvariantCulture), null)
                    : (null, Refused(ErrorCodes.FieldDate));
            case FieldType.PersonalId:
                return PersonalIdNumber.TryParse(raw, out var id, out var idError) ? (id!.Value, null) : (null, Refused(idError!));
            case FieldType.Phone:
                return PhoneNumber.Normalize(raw) is { } phone ? (phone, null) : (null, Refused(ErrorCodes.FieldPhone));
            case FieldType.Number:
                var numberText = raw.Replace(',', '.');
                if (!decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                    return (null, Refused(ErrorCodes.FieldNumber));
                return InRange(field, number) ?? (number.ToString(CultureInfo.InvariantCulture), null);
            case FieldType.Money:
                // Vietnamese write 1.500.000 đ; the đồng has no subunit.
                var digits = MoneyDecorations().Replace(raw, "");
                if (digits.Length == 0 || digits.Length > 15 || !digits.All(char.IsAsciiDigit))
                    return (null, Refused(ErrorCodes.FieldMoney));
                var amount = decimal.Parse(digits, CultureInfo.InvariantCulture);
                return InRange(field, amount) ?? (amount.ToString(CultureInfo.InvariantCulture), null);
            case FieldType.Select:
                return field.Options.Any(o => o.Value == raw) ? (raw, null) : (null, Refused(ErrorCodes.FieldChoice));
            case FieldType.YesNo:
                return raw is "yes" or "no" ? (raw, null) : (null, Refused(ErrorCodes.FieldChoice));
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Type, "Composite fields are validated by their parts.");
        }
    }

    private static (string?, FieldError?)? InRange(FieldDefinition field, decimal value) =>
        value < field.Min ? (null, Refused(ErrorCodes.FieldBelowMin, field.Min.Value))
        : value > field.Max ? (null, Refused(ErrorCodes.FieldAboveMax, field.Max.Value))
        : null;

    private static FieldError Refused(string code, params object[] arguments) => new("", code, arguments);

    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
    // Letters of any script (Vietnamese with diacritics, Chinese characters), spaces, apostrophes and hyphens.
    [GeneratedRegex(@"^[\p{L}\p{M}][\p{L}\p{M} '\-]*$")] private static partial Regex NameCharacters();
    [GeneratedRegex(@"[\s.,]|đ$|đồng$|VND$|vnd$|₫")] private static partial Regex MoneyDecorations();
}
