using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HelpDesk.Domain.Dossiers;

namespace HelpDesk.Domain.Tests.Dossiers;

public sealed partial class TrackingCodeNew
{
    private static readonly IReadOnlyList<TrackingCode> Codes = Enumerable.Range(0, 10_000).Select(_ => TrackingCode.New()).ToList();

    [Fact]
    public void Ten_thousand_codes_are_distinct_and_each_parses_as_valid_both_grouped_and_compact()
    {
        Assert.Equal(Codes.Count, Codes.Select(c => c.Compact).Distinct().Count());
        Assert.All(Codes, code =>
        {
            Assert.Equal(TrackingCodeCheck.Valid, TrackingCode.Parse(code.ToString(), out var grouped));
            Assert.Equal(code, grouped);
            Assert.Equal(TrackingCodeCheck.Valid, TrackingCode.Parse(code.Compact, out var compact));
            Assert.Equal(code, compact);
        });
    }

    [Fact]
    public void Shows_twelve_symbols_of_the_alphabet_in_three_groups_of_four()
    {
        Assert.All(Codes, code =>
        {
            Assert.Matches(Grouped(), code.ToString());
            Assert.Equal(code.ToString().Replace("-", ""), code.Compact);
        });
    }

    [Fact]
    public void Carries_55_random_bits_in_11_data_symbols()
    {
        Assert.Equal(11, TrackingCode.DataSymbols);
        Assert.Equal(12, TrackingCode.Length);
        Assert.Equal(55, TrackingCode.EntropyBits);
        Assert.Equal(32, TrackingCode.Alphabet.Distinct().Count());
        Assert.True(TrackingCode.EntropyBits >= 50, "the design asks for at least 50 bits");
    }

    [Fact]
    public void Uses_every_symbol_about_equally_often_in_every_position()
    {
        // 10 000 codes: 312.5 expected per symbol and position, standard deviation ≈ 17.4;
        // 200–430 is more than six deviations either side, so this does not fail by chance.
        for (var position = 0; position < TrackingCode.Length; position++)
        {
            var counts = Codes.GroupBy(c => c.Compact[position]).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(TrackingCode.Alphabet.Order(), counts.Keys.Order());
            Assert.All(counts.Values, count => Assert.InRange(count, 200, 430));
        }
    }

    [Fact]
    public void Lookup_hash_is_the_hex_SHA_256_of_the_compact_code()
    {
        var code = Codes[0];
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Compact))), code.LookupHash);
        Assert.Matches("^[0-9a-f]{64}$", code.LookupHash);
        Assert.NotEqual(Codes[0].LookupHash, Codes[1].LookupHash);
    }

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex Grouped();
}

public sealed class TrackingCodeParse
{
    private static readonly IReadOnlyList<TrackingCode> Codes = Enumerable.Range(0, 500).Select(_ => TrackingCode.New()).ToList();

    /// <summary>The valid code with these 11 data symbols: exactly one of the 32 check symbols fits.</summary>
    private static string ValidCodeFor(string data)
    {
        var valid = TrackingCode.Alphabet.Select(c => data + c).Where(s => TrackingCode.Parse(s, out _) == TrackingCodeCheck.Valid).ToList();
        return Assert.Single(valid);
    }

    private static TrackingCodeCheck Check(string input) => TrackingCode.Parse(input, out _);

    private static string Swap(string s, int i) => s[..i] + s[i + 1] + s[i] + s[(i + 2)..];

    [Fact]
    public void Every_single_symbol_substitution_is_caught_as_a_typo()
    {
        foreach (var code in Codes.Select(c => c.Compact))
            for (var position = 0; position < code.Length; position++)
                foreach (var other in TrackingCode.Alphabet.Where(c => c != code[position]))
                {
                    var typed = code[..position] + other + code[(position + 1)..];
                    Assert.True(Check(typed) == TrackingCodeCheck.Mistyped, $"{code} → {typed}");
                }
    }

    [Fact]
    public void Every_swap_of_two_adjacent_symbols_is_caught_except_0Z_and_Z0()
    {
        foreach (var code in Codes.Select(c => c.Compact))
            for (var i = 0; i < code.Length - 1; i++)
            {
                if (code[i] == code[i + 1]) continue;
                var expected = IsTheUndetectedPair(code[i], code[i + 1]) ? TrackingCodeCheck.Valid : TrackingCodeCheck.Mistyped;
                Assert.True(Check(Swap(code, i)) == expected, $"{code}: swap at {i}");
            }
    }

    [Fact]
    public void Every_pair_of_distinct_symbols_swapped_in_every_data_position_is_caught_except_0Z_and_Z0()
    {
        const string filler = "7K3MX9QD2TN";
        foreach (var a in TrackingCode.Alphabet)
            foreach (var b in TrackingCode.Alphabet.Where(b => b != a))
                for (var i = 0; i < TrackingCode.DataSymbols - 1; i++)
                {
                    var code = ValidCodeFor(filler[..i] + a + b + filler[(i + 2)..]);
                    var expected = IsTheUndetectedPair(a, b) ? TrackingCodeCheck.Valid : TrackingCodeCheck.Mistyped;
                    Assert.True(Check(Swap(code, i)) == expected, $"{code}: swap at {i}");
                }
    }

    [Fact]
    public void The_documented_blind_spot_is_swapping_0_and_Z()
    {
        var code = ValidCodeFor("0Z3MX9QD2TN");
        Assert.Equal(TrackingCodeCheck.Valid, Check("Z0" + code[2..]));
    }

    private static bool IsTheUndetectedPair(char a, char b) => (a, b) is ('0', 'Z') or ('Z', '0');

    [Fact]
    public void Reads_lower_case_spaces_and_hyphens()
    {
        var code = Codes[0];
        var spaced = string.Join(' ', code.Compact.ToLowerInvariant().Chunk(3).Select(c => new string(c)));
        Assert.Equal(TrackingCodeCheck.Valid, TrackingCode.Parse($"  {spaced}\t", out var parsed));
        Assert.Equal(code, parsed);
        Assert.Equal(TrackingCodeCheck.Valid, TrackingCode.Parse(code.ToString().ToLowerInvariant(), out parsed));
        Assert.Equal(code, parsed);
        Assert.Equal(TrackingCodeCheck.Valid, TrackingCode.Parse(code.ToString().Replace('-', '–'), out parsed));
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void Reads_I_and_L_as_1_and_O_as_0()
    {
        var code = ValidCodeFor("10K3M01X9QD");
        Assert.Equal(TrackingCodeCheck.Valid, TrackingCode.Parse("IOK3-MOLX-9QD" + code[^1], out var parsed));
        Assert.Equal(code, parsed!.Compact);
        Assert.Equal(TrackingCodeCheck.Valid, TrackingCode.Parse("lok3-mo1x-9qd" + char.ToLowerInvariant(code[^1]), out parsed));
        Assert.Equal(code, parsed!.Compact);
    }

    [Fact]
    public void Reads_full_width_symbols_typed_on_a_Chinese_keyboard()
    {
        var code = Codes[0];
        var fullWidth = new string(code.ToString().Select(c => (char)(c + 0xFEE0)).ToArray()).Replace('\uFF0D', '\u3000');
        Assert.Equal(TrackingCodeCheck.Valid, TrackingCode.Parse(fullWidth, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("K7M2-9QXD-4TN")]      // 11 symbols
    [InlineData("K7M2-9QXD-4TNAB")]    // 13 symbols
    [InlineData("K7M2-9QXD-4TNU")]     // U is not a symbol
    [InlineData("K7M2-9QXD-4TN*")]     // nor Crockford's check symbols
    [InlineData("K7M2_9QXD_4TNA")]     // underscores are not separators
    [InlineData("https://x.vn/t/K7M29QXD4TNA")]
    public void Anything_but_twelve_symbols_of_the_alphabet_is_malformed(string? input)
    {
        Assert.Equal(TrackingCodeCheck.Malformed, TrackingCode.Parse(input, out var code));
        Assert.Null(code);
    }

    [Fact]
    public void A_typo_gives_no_code()
    {
        var compact = Codes[0].Compact;
        var typo = compact[..^1] + TrackingCode.Alphabet.First(c => c != compact[^1]);
        Assert.Equal(TrackingCodeCheck.Mistyped, TrackingCode.Parse(typo, out var code));
        Assert.Null(code);
    }

    [Fact]
    public void Each_outcome_but_valid_has_an_error_code()
    {
        Assert.Equal(ErrorCodes.TrackingCodeMalformed, TrackingCode.ErrorFor(TrackingCodeCheck.Malformed));
        Assert.Equal(ErrorCodes.TrackingCodeMistyped, TrackingCode.ErrorFor(TrackingCodeCheck.Mistyped));
        Assert.Null(TrackingCode.ErrorFor(TrackingCodeCheck.Valid));
    }
}
