namespace HelpDesk.Domain.Procedures;

/// <summary>An administrative procedure as published: what it needs, how long it takes, and its form.</summary>
public sealed record ProcedureDefinition(
    string Code,
    string Slug,
    LocalizedText Name,
    LocalizedText Summary,
    LocalizedText Authority,
    TimeLimit TimeLimit,
    LocalizedText Fee,
    ProxyRule Proxy,
    IReadOnlyList<RequiredDocument> Documents,
    IReadOnlyList<FormStep> Steps)
{
    public IEnumerable<FieldDefinition> AllFields => Steps.SelectMany(s => s.Fields);
}

public enum TimeLimitKind { SameDay, WorkingDays, Days, None }

/// <summary>
/// The legal processing time. Same-day procedures received after the cut-off count from the
/// next working day (Decree 61/2018); the calendar arithmetic lives with the dossier clock.
/// </summary>
public sealed record TimeLimit(TimeLimitKind Kind, int Value)
{
    public static readonly TimeLimit SameDay = new(TimeLimitKind.SameDay, 0);
}

/// <summary>Whether someone may file on the person's behalf (marriage: no), and what the desk should say.</summary>
public sealed record ProxyRule(bool Allowed, LocalizedText? Note);

public enum DocumentForm { Original, CertifiedCopy, Copy, ShowOriginal }

/// <summary>A paper the dossier needs; <see cref="When"/> says in which case, if not always.</summary>
public sealed record RequiredDocument(string Id, LocalizedText Name, DocumentForm Form, bool Required, LocalizedText? When);

/// <summary>One screen of the filing stepper.</summary>
public sealed record FormStep(string Id, LocalizedText Title, IReadOnlyList<FieldDefinition> Fields);

public enum FieldType { Text, PersonName, Date, PersonalId, Phone, Number, Money, Select, YesNo, Address, PersonBlock }

/// <summary>A form field. A <see cref="FieldType.PersonBlock"/> holds sub-fields and repeats between MinItems and MaxItems times.</summary>
public sealed record FieldDefinition(
    string Id,
    FieldType Type,
    bool Required,
    LocalizedText Label,
    LocalizedText? Help,
    IReadOnlyList<SelectOption> Options,
    decimal? Min,
    decimal? Max,
    int? MaxLength,
    IReadOnlyList<FieldDefinition> Fields,
    int MinItems,
    int MaxItems);

public sealed record SelectOption(string Value, LocalizedText Label);
