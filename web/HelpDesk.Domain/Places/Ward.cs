namespace HelpDesk.Domain.Places;

/// <summary>A commune-level unit (phường / xã) whose staff audit the dossiers filed at its points.</summary>
public sealed class Ward
{
    private Ward() { }

    public Ward(string name, string province)
    {
        Id = Guid.NewGuid();
        Name = Required(name, nameof(name));
        Province = Required(province, nameof(province));
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Province { get; private set; } = "";

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Required.", name) : value.Trim();
}
