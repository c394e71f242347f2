using Microsoft.AspNetCore.Identity;

namespace HelpDesk.Web.Data;

/// <summary>A person who signs in: staff, volunteer or resident.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid? WardId { get; set; }
    public string PreferredCulture { get; set; } = Domain.Cultures.Default;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Deactivated accounts cannot sign in and lose sessions already open.</summary>
    public bool IsActive { get; set; } = true;
}
