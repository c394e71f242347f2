using HelpDesk.Domain;
using HelpDesk.Domain.People;

namespace HelpDesk.Benchmarks.ResidentSearch;

/// <summary>One generated resident: what a volunteer would type to register them, and their family name.</summary>
public sealed record Person(ResidentDetails Details, string FamilyName);

/// <summary>
/// Makes plausible residents of one ward. Seeded, so every run (and every database) gets the
/// same people. ID numbers follow the real layout (province, century and sex, birth year,
/// six digits) and are unique; phone numbers are Vietnamese mobiles, sometimes shared within a family.
/// </summary>
public sealed class PeopleGenerator(int seed)
{
    // Birth-registration provinces: mostly Ho Chi Minh City, then people who moved in from
    // the Mekong delta, the centre and the north (codes of Thông tư 07/2016/TT-BCA).
    private const string HoChiMinhCity = "079";
    private static readonly string[] OtherProvinces =
    [
        "001", "031", "036", "038", "040", "046", "049", "051", "052", "056", "080", "082", "083", "084",
        "086", "087", "089", "091", "092", "094", "095", "096", "074", "075", "077",
    ];

    // Share of residents born in each decade, 1930s to 2020 (a young population, thinning with age).
    private static readonly Weighted<int> BirthDecades = new([
        (1930, 1), (1940, 3), (1950, 7), (1960, 11), (1970, 14), (1980, 16), (1990, 17), (2000, 15), (2010, 14), (2020, 2),
    ]);

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _idNumbers = [];
    private readonly List<string> _recentPhones = [];

    public Person Next()
    {
        var sex = _random.NextDouble() < 0.51 ? Sex.Female : Sex.Male;
        var birth = BirthDate();
        var family = VietnameseNames.FamilyNames.Pick(_random);
        var isHoa = VietnameseNames.HoaFamilyNames.Contains(family)
            || (VietnameseNames.SharedFamilyNames.Contains(family) && _random.NextDouble() < 0.08);

        var (middle, given) = isHoa ? HoaName(sex) : KinhName(sex, birth.Year);
        var fullName = string.Join(' ', new[] { family }.Concat(middle).Append(given));
        // Most Hoa residents give their name in characters too, when every part has one.
        var chineseName = isHoa && _random.NextDouble() < 0.85 ? HanName(family, middle, given) : null;
        var language = isHoa ? HoaLanguage() : Cultures.Vietnamese;

        var details = new ResidentDetails(fullName, chineseName, birth, sex, IdNumber(birth, sex), Phone(birth), language);
        return new Person(details, family);
    }

    private DateOnly BirthDate()
    {
        var decade = BirthDecades.Pick(_random);
        var year = decade == 2020 ? 2020 : decade + _random.Next(10);
        return new DateOnly(year, 1, 1).AddDays(_random.Next(DateTime.IsLeapYear(year) ? 366 : 365));
    }

    private (IReadOnlyList<string> Middle, string Given) KinhName(Sex sex, int birthYear)
    {
        var male = sex == Sex.Male;
        // Văn and Thị were the usual middle names of older generations and are rarer among the young.
        var traditional = _random.NextDouble() < (birthYear < 1985 ? 0.6 : 0.2);
        var middleNames = male ? VietnameseNames.MaleMiddleNames : VietnameseNames.FemaleMiddleNames;
        var middle = new List<string> { traditional ? (male ? "Văn" : "Thị") : middleNames.Pick(_random) };
        // Younger people more often have two middle names ("Nguyễn Ngọc Bảo Trân").
        if (birthYear >= 1990 && _random.NextDouble() < 0.15)
        {
            var second = middleNames.Pick(_random);
            if (!middle.Contains(second)) middle.Add(second);
        }
        var given = (male ? VietnameseNames.MaleGivenNames : VietnameseNames.FemaleGivenNames).Pick(_random);
        return (middle, given);
    }

    private (IReadOnlyList<string> Middle, string Given) HoaName(Sex sex) => sex == Sex.Male
        ? ([VietnameseNames.HoaMaleMiddleNames.Pick(_random)], VietnameseNames.HoaMaleGivenNames.Pick(_random))
        : ([VietnameseNames.HoaFemaleMiddleNames.Pick(_random)], VietnameseNames.HoaFemaleGivenNames.Pick(_random));

    private static string? HanName(string family, IReadOnlyList<string> middle, string given)
    {
        if (!VietnameseNames.HanFamilyNames.TryGetValue(family, out var han)) return null;
        foreach (var part in middle.Append(given))
        {
            if (!VietnameseNames.HanNames.TryGetValue(part, out var character)) return null;
            han += character;
        }
        return han;
    }

    private string HoaLanguage() => _random.NextDouble() switch
    {
        < 0.35 => Cultures.TraditionalChinese,
        < 0.45 => Cultures.SimplifiedChinese,
        _ => Cultures.Vietnamese,
    };

    /// <summary>A 12-digit personal ID number matching the birth year and sex, never issued before.</summary>
    private string IdNumber(DateOnly birth, Sex sex)
    {
        var province = _random.NextDouble() < 0.65 ? HoChiMinhCity : OtherProvinces[_random.Next(OtherProvinces.Length)];
        // Century and sex digit: 0 man / 1 woman born in the 1900s, 2 / 3 born in the 2000s.
        var centuryAndSex = (birth.Year >= 2000 ? 2 : 0) + (sex == Sex.Female ? 1 : 0);
        while (true)
        {
            var number = $"{province}{centuryAndSex}{birth.Year % 100:D2}{_random.Next(1_000_000):D6}";
            if (_idNumbers.Add(number)) return number;
        }
    }

    /// <summary>A mobile number for most adults and some children; members of a family sometimes share one.</summary>
    private string? Phone(DateOnly birth)
    {
        var child = birth.Year > 2010;
        if (_random.NextDouble() > (child ? 0.2 : 0.9)) return null;
        if (_recentPhones.Count > 0 && _random.NextDouble() < 0.1)
            return _recentPhones[_random.Next(_recentPhones.Count)];

        // 09x and 03x are the most common prefixes, then 07x, 08x and 05x.
        var prefix = _random.NextDouble() switch { < 0.40 => '9', < 0.70 => '3', < 0.83 => '7', < 0.96 => '8', _ => '5' };
        var phone = $"0{prefix}{_random.Next(100_000_000):D8}";
        _recentPhones.Add(phone);
        if (_recentPhones.Count > 50) _recentPhones.RemoveAt(0);
        return phone;
    }
}
