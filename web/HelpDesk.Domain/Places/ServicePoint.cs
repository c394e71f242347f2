namespace HelpDesk.Domain.Places;

/// <summary>An online public service point: a desk in a neighbourhood where volunteers help residents.</summary>
public sealed class ServicePoint
{
    private ServicePoint() { }

    public ServicePoint(Guid wardId, string code, string name, string address)
    {
        Id = Guid.NewGuid();
        WardId = wardId;
        Code = Ward.Required(code, nameof(code)).ToUpperInvariant();
        Name = Ward.Required(name, nameof(name));
        Address = Ward.Required(address, nameof(address));
    }

    public Guid Id { get; private set; }
    public Guid WardId { get; private set; }
    /// <summary>Short code that goes into dossier numbers.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
}
