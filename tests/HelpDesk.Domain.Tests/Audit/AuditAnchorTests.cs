using HelpDesk.Domain.Audit;

namespace HelpDesk.Domain.Tests.Audit;

public sealed class AuditAnchorTests
{
    private const string Hash = "3f2a91c07b1e55aa00112233445566778899aabbccddeeff0011223344556677";

    [Fact]
    public void The_anchor_of_an_entry_is_its_number_and_the_first_twelve_hex_digits_of_its_hash_grouped_by_four() =>
        Assert.Equal(new AuditAnchor(42, "3F2A-91C0-7B1E"), AuditAnchor.Of(42, Hash));

    [Theory]
    [InlineData("3F2A-91C0-7B1E")]
    [InlineData("3f2a 91c0 7b1e")]
    [InlineData(" 3f2a91c07b1e ")]
    public void A_noted_anchor_is_read_however_it_was_copied_and_matches_its_entry(string typed)
    {
        var noted = AuditAnchor.Parse(42, typed);
        Assert.NotNull(noted);
        Assert.True(noted.Matches(Hash));
        Assert.False(noted.Matches("00" + Hash[2..]));
    }

    [Theory]
    [InlineData(42L, "3F2A-91C0")]          // too short
    [InlineData(42L, "3F2A-91C0-7B1G")]     // not hex
    [InlineData(0L, "3F2A-91C0-7B1E")]      // no entry 0
    [InlineData(null, "3F2A-91C0-7B1E")]
    [InlineData(42L, null)]
    public void A_note_that_is_not_a_number_and_twelve_hex_digits_is_not_an_anchor(long? number, string? fingerprint) =>
        Assert.Null(AuditAnchor.Parse(number, fingerprint));
}
