using HelpDesk.Domain.Security;

namespace HelpDesk.Domain.Tests.Security;

public sealed class OneTimeSecretCreate
{
    [Fact]
    public void Gives_160_random_bits_safe_for_a_url()
    {
        var secret = OneTimeSecret.Create();
        Assert.Equal(27, secret.Length); // 20 bytes in unpadded base64url
        Assert.Matches("^[A-Za-z0-9_-]+$", secret);
    }

    [Fact]
    public void Never_repeats_in_ten_thousand_draws()
    {
        var secrets = Enumerable.Range(0, 10_000).Select(_ => OneTimeSecret.Create()).ToHashSet();
        Assert.Equal(10_000, secrets.Count);
    }

    [Fact]
    public void Hashes_are_stable_and_differ_per_secret()
    {
        Assert.Equal(OneTimeSecret.Hash("abc"), OneTimeSecret.Hash("abc"));
        Assert.NotEqual(OneTimeSecret.Hash("abc"), OneTimeSecret.Hash("abd"));
        Assert.Equal(64, OneTimeSecret.Hash("abc").Length);
    }
}
