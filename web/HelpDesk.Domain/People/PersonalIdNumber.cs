namespace HelpDesk.Domain.People;

public enum Sex { Male, Female }

/// <summary>
/// A personal ID number (số định danh cá nhân): 12 digits — province of birth registration (3),
/// century and sex (1), last two digits of the birth year (2), then 6 random digits. No checksum
/// exists, so validation checks the length, the province code and, when known, consistency with
/// the date of birth and sex. Old 9-digit CMND numbers are accepted as legacy references.
/// </summary>
public sealed record PersonalIdNumber
{
    /// <summary>Province codes of Thông tư 07/2016/TT-BCA (the 63 provinces before the 2025 merger; numbers keep them).</summary>
    private static readonly HashSet<string> ProvinceCodes =
    [
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
        "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
        "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
        "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    ];

    private PersonalIdNumber(string value) => Value = value;

    /// <summary>The digits only.</summary>
    public string Value { get; }
    public bool IsLegacy => Value.Length == 9;
    public string? ProvinceCode => IsLegacy ? null : Value[..3];

    /// <summary>Parses typed input (spaces ignored); on failure <paramref name="error"/> is an <see cref="ErrorCodes"/> code.</summary>
    public static bool TryParse(string? input, out PersonalIdNumber? id, out string? error)
    {
        id = null;
        var digits = (input ?? "").Replace(" ", "").Replace(".", "");
        if (!(digits.Length is 12 or 9) || !digits.All(char.IsAsciiDigit))
        {
            error = ErrorCodes.PersonalIdFormat;
            return false;
        }
        if (digits.Length == 12 && !ProvinceCodes.Contains(digits[..3]))
        {
            error = ErrorCodes.PersonalIdProvince;
            return false;
        }
        id = new PersonalIdNumber(digits);
        error = null;
        return true;
    }

    /// <summary>Why the number cannot belong to someone born on <paramref name="birthDate"/> of <paramref name="sex"/>, or null.</summary>
    public string? MismatchWith(DateOnly birthDate, Sex? sex)
    {
        if (IsLegacy) return null;
        var centuryAndSex = Value[3] - '0';
        var century = 1900 + centuryAndSex / 2 * 100;
        var year = century + int.Parse(Value.AsSpan(4, 2));
        if (year != birthDate.Year) return ErrorCodes.PersonalIdBirthYearMismatch;
        var encodedSex = centuryAndSex % 2 == 0 ? Sex.Male : Sex.Female;
        if (sex is not null && sex != encodedSex) return ErrorCodes.PersonalIdSexMismatch;
        return null;
    }

    /// <summary>For screens: only the last three digits.</summary>
    public string Masked => new string('•', Value.Length - 3) + Value[^3..];

    public override string ToString() => Masked;
}
