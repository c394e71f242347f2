using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HelpDesk.Domain.Security;

namespace HelpDesk.Domain.Dossiers;

/// <summary>What a typed or scanned tracking code turned out to be.</summary>
public enum TrackingCodeCheck
{
    /// <summary>Twelve symbols whose check symbol agrees: worth a lookup.</summary>
    Valid,
    /// <summary>The right shape, but the check symbol disagrees: a typo, caught before any lookup.</summary>
    Mistyped,
    /// <summary>Not twelve symbols of the alphabet once spaces and hyphens are removed.</summary>
    Malformed,
}

/// <summary>
/// The public tracking secret printed on the slip and in its QR (<c>/t/{Compact}</c>): 11 symbols of
/// Crockford base 32 drawn from a cryptographic RNG (55 bits) and one check symbol, shown as
/// <c>XXXX-XXXX-XXXX</c> so it can be read aloud. Lookups go by <see cref="LookupHash"/>; the code itself is kept only encrypted, to reprint the slip.
/// </summary>
/// <remarks>
/// The check symbol is computed with the Luhn mod N algorithm (N = 32) over the same alphabet, not
/// with Crockford's mod 37: its extra check symbols <c>* ~ $ = U</c> are hard to read aloud and to
/// type on a phone, while a Luhn mod 32 check is an ordinary symbol. It catches every single-symbol
/// substitution and every transposition of two adjacent symbols except <c>0Z</c> ↔ <c>Z0</c>
/// (values 0 and 31: the one pair whose doubled digit sums differ by the same amount as the symbols,
/// like 09 ↔ 90 in decimal Luhn).
/// </remarks>
public sealed record TrackingCode
{
    /// <summary>Crockford base 32: no I, L, O or U, so nothing reads as another symbol.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int DataSymbols = 11;
    public const int Length = DataSymbols + 1;
    /// <summary>Random bits in a code: 5 per data symbol (the check symbol adds none).</summary>
    public const int EntropyBits = DataSymbols * 5;

    private const int Base = 32;

    private TrackingCode(string compact) => Compact = compact;

    /// <summary>The 12 symbols without grouping: what the URL carries and what is hashed.</summary>
    public string Compact { get; }

    /// <summary>Hex SHA-256 of <see cref="Compact"/>: the only form the database searches by.</summary>
    public string LookupHash => OneTimeSecret.Hash(Compact);

    public static TrackingCode New()
    {
        // 256 is a multiple of 32, so the low 5 bits of each random byte are uniform.
        var data = RandomNumberGenerator.GetBytes(DataSymbols).Select(b => Alphabet[b & (Base - 1)]).ToArray();
        return new TrackingCode(new string(data) + CheckSymbol(data));
    }

    /// <summary>Grouped for reading aloud: <c>K7M2-9QXD-4TNA</c>.</summary>
    public override string ToString() => $"{Compact[..4]}-{Compact[4..8]}-{Compact[8..]}";

    /// <summary>
    /// Reads what someone typed or scanned. Spaces and hyphens (any dash) are ignored, letters may be in
    /// either case or full width, and I, L and O are read as 1, 1 and 0, as Crockford intends; U is not
    /// a symbol. <paramref name="code"/> is set only when the result is <see cref="TrackingCodeCheck.Valid"/>.
    /// </summary>
    public static TrackingCodeCheck Parse(string? input, out TrackingCode? code)
    {
        code = null;
        var compact = Normalize(input);
        if (compact.Length != Length || !compact.All(c => Alphabet.Contains(c))) return TrackingCodeCheck.Malformed;
        if (Sum(compact, checkIncluded: true) % Base != 0) return TrackingCodeCheck.Mistyped;
        code = new TrackingCode(compact);
        return TrackingCodeCheck.Valid;
    }

    /// <summary>The error code a page shows for a code that is not <see cref="TrackingCodeCheck.Valid"/>, else null.</summary>
    public static string? ErrorFor(TrackingCodeCheck check) => check switch
    {
        TrackingCodeCheck.Malformed => ErrorCodes.TrackingCodeMalformed,
        TrackingCodeCheck.Mistyped => ErrorCodes.TrackingCodeMistyped,
        _ => null,
    };

    private static string Normalize(string? input)
    {
        if (input is null) return "";
        // Compatibility form first: a Chinese keyboard may type full-width Ａ１ or an ideographic space.
        var text = input.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation) continue;
            result.Append(char.ToUpperInvariant(c) switch { 'O' => '0', 'I' or 'L' => '1', var upper => upper });
        }
        return result.ToString();
    }

    private static char CheckSymbol(ReadOnlySpan<char> data) => Alphabet[(Base - Sum(data, checkIncluded: false) % Base) % Base];

    /// <summary>
    /// Luhn mod N: from the right, every second symbol's value is doubled and its two base-32 digits
    /// added. The rightmost symbol is doubled when the check symbol is not yet there.
    /// </summary>
    private static int Sum(ReadOnlySpan<char> symbols, bool checkIncluded)
    {
        var sum = 0;
        var doubled = !checkIncluded;
        for (var i = symbols.Length - 1; i >= 0; i--)
        {
            var value = Alphabet.IndexOf(symbols[i]);
            if (doubled)
            {
                value *= 2;
                value = value / Base + value % Base;
            }
            sum += value;
            doubled = !doubled;
        }
        return sum;
    }
}
