using System.Security.Cryptography;
using System.Text;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Residents;

/// <summary>
/// Keyed hash (HMAC-SHA256) of personal ID numbers: finds a resident by ID number without storing
/// it in clear or decrypting everyone. The 256-bit key is generated once per installation and
/// kept encrypted in the database; without it the hashes cannot be recomputed from guesses.
/// </summary>
public sealed class PersonalIdLookup(IServiceScopeFactory scopes, SensitiveData sensitive)
{
    private const string KeyName = "personal-id-lookup-v1";
    private byte[]? _key;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public async Task<Func<string, string>> HasherAsync()
    {
        var key = await KeyAsync();
        return idNumber => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(idNumber)));
    }

    private async Task<byte[]> KeyAsync()
    {
        if (_key is not null) return _key;
        await _loading.WaitAsync();
        try
        {
            if (_key is not null) return _key;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
            var stored = await db.AppSecrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == KeyName);
            if (stored is null)
            {
                db.AppSecrets.Add(new AppSecret { Name = KeyName, ProtectedValue = sensitive.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))) });
                try
                {
                    await db.SaveChangesAsync();
                }
                catch (DbUpdateException)
                {
                    // Another instance created it first: use theirs.
                }
                stored = await db.AppSecrets.AsNoTracking().SingleAsync(s => s.Name == KeyName);
            }
            return _key = Convert.FromBase64String(sensitive.Unprotect(stored.ProtectedValue));
        }
        finally
        {
            _loading.Release();
        }
    }
}
