using HelpDesk.Domain.Procedures;

namespace HelpDesk.Domain.Tests.Procedures;

/// <summary>Test data: localized texts and fields with sensible defaults.</summary>
public static class ProcedureBuilder
{
    public static LocalizedText Text(string vi) => new(Cultures.All.ToDictionary(c => c, c => $"{vi} ({c})"));

    public static FieldDefinition Field(string id, FieldType type, bool required = true, int? maxLength = null,
        decimal? min = null, decimal? max = null, IReadOnlyList<SelectOption>? options = null,
        IReadOnlyList<FieldDefinition>? fields = null, int minItems = 0, int maxItems = 1) =>
        new(id, type, required, Text(id), null, options ?? [], min, max, maxLength, fields ?? [], minItems, maxItems);

    public static FormStep Step(params FieldDefinition[] fields) => new("step", Text("Bước"), fields);
}
