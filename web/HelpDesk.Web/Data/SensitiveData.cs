using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HelpDesk.Web.Data;

/// <summary>
/// Encrypts sensitive data at rest (ID numbers, form answers about a person) with the app's
/// data-protection keys: authenticated encryption, keys rotated by ASP.NET Core and kept with the
/// data (data folder on SQLite, the database on PostgreSQL). Back those keys up with the data.
/// </summary>
public sealed class SensitiveData(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("HelpDesk.SensitiveData.v1");

    /// <summary>For design-time tooling only: a model must be built, nothing is stored.</summary>
    internal static readonly SensitiveData DesignTime = new(new EphemeralDataProtectionProvider());

    public string Protect(string plain) => _protector.Protect(plain);

    public string Unprotect(string cipher) => _protector.Unprotect(cipher);

    public byte[] Protect(byte[] plain) => _protector.Protect(plain);

    public byte[] Unprotect(byte[] cipher) => _protector.Unprotect(cipher);
}

/// <summary>
/// The model holds converters bound to one app's <see cref="SensitiveData"/>, so each app (and
/// each test host in one process) gets its own model instead of sharing the first one built.
/// </summary>
internal sealed class SensitiveModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as HelpDeskDbContext)?.Sensitive, designTime);
}
