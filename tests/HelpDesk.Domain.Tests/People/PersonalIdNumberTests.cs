using HelpDesk.Domain.People;

namespace HelpDesk.Domain.Tests.People;

public sealed class PersonalIdNumberParse
{
    [Theory]
    [InlineData("079090012345", null)]                          // TP.HCM, male born 1990
    [InlineData("001 301 012 345", null)]                       // spaces are ignored
    [InlineData("123456789", null)]                             // old 9-digit CMND, legacy
    [InlineData("003190012345", ErrorCodes.PersonalIdProvince)] // 003 is no province code
    [InlineData("097190012345", ErrorCodes.PersonalIdProvince)] // beyond 096
    [InlineData("07919001234A", ErrorCodes.PersonalIdFormat)]   // a letter
    [InlineData("07919001234", ErrorCodes.PersonalIdFormat)]    // 11 digits
    [InlineData("0791900123456", ErrorCodes.PersonalIdFormat)]  // 13 digits
    [InlineData("", ErrorCodes.PersonalIdFormat)]
    public void Checks_length_digits_and_province(string input, string? expectedError)
    {
        var ok = PersonalIdNumber.TryParse(input, out var id, out var error);
        Assert.Equal(expectedError is null, ok);
        Assert.Equal(expectedError, error);
        if (ok) Assert.Equal(input.Replace(" ", ""), id!.Value);
    }

    [Theory]
    [InlineData("079090012345", "1990-05-01", Sex.Male, null)]       // 0: male, 1900s
    [InlineData("079090012345", "1991-05-01", Sex.Male, ErrorCodes.PersonalIdBirthYearMismatch)]
    [InlineData("079090012345", "1990-05-01", Sex.Female, ErrorCodes.PersonalIdSexMismatch)]
    [InlineData("079090012345", "2090-05-01", Sex.Male, ErrorCodes.PersonalIdBirthYearMismatch)] // 0 means the 1900s
    [InlineData("079305012345", "2005-02-10", Sex.Female, null)]   // 3: female, 2000s
    [InlineData("079205012345", "2005-02-10", Sex.Male, null)]     // 2: male, 2000s
    [InlineData("001145012345", "1945-08-19", Sex.Female, null)]   // 1: female, 1900s
    [InlineData("079305012345", "2005-02-10", null, null)]         // sex unknown: year only
    [InlineData("123456789", "1960-01-01", Sex.Male, null)]        // legacy numbers carry no birth data
    public void Agrees_with_the_date_of_birth_and_sex(string number, string birth, Sex? sex, string? expected)
    {
        Assert.True(PersonalIdNumber.TryParse(number, out var id, out _));
        Assert.Equal(expected, id!.MismatchWith(DateOnly.Parse(birth), sex));
    }

    [Fact]
    public void Shows_only_the_last_three_digits()
    {
        PersonalIdNumber.TryParse("079090012345", out var id, out _);
        Assert.Equal("•••••••••345", id!.Masked);
        Assert.DoesNotContain("0790900", id.ToString());
    }
}

public sealed class PhoneNumberNormalize
{
    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("091 234 5678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("0312.345.678", "0312345678")]
    [InlineData("0212345678", null)]   // landline prefix, not a mobile
    [InlineData("091234567", null)]    // 9 digits
    [InlineData("09123456789", null)]  // 11 digits
    [InlineData("abc", null)]
    public void Accepts_mobile_numbers_in_the_ways_people_write_them(string input, string? expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(input));
}
