using System.Security.Cryptography;
using System.Text;

namespace HelpDesk.Domain.Security;

/// <summary>
/// Secrets for links (invitations, setup, activation): 160 random bits, URL-safe.
/// Only their SHA-256 is stored; the secrets are long enough that a plain hash is safe.
/// </summary>
public static class OneTimeSecret
{
    public static string Create() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(20)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
