namespace HelpDesk.Web.Data;

/// <summary>A secret the app generated for itself (e.g. the ID lookup key), stored encrypted with the data-protection keys.</summary>
public sealed class AppSecret
{
    public string Name { get; set; } = "";
    public string ProtectedValue { get; set; } = "";
}
