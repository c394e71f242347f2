using HelpDesk.Domain.People;

namespace HelpDesk.Domain.Tests.People;

public sealed class ResidentUpdateContact
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 18, 0, 0, TimeSpan.Zero);

    private static Resident Registered() => Resident.Register(
        new ResidentDetails("Nguyễn Văn Bảo", null, new DateOnly(1990, 5, 1), Sex.Male, null, "0912345678", Cultures.Vietnamese),
        id => "h:" + id, Guid.NewGuid(), "volunteer-1", Now.AddDays(-7));

    private static ResidentContact Contact() => new(
        Phone: "+84 987 654 321",
        Email: "bao.nguyen@example.vn",
        Street: "  12 Lê Lợi ",
        WardName: " Phường Chợ Lớn",
        Province: "Thành phố Hồ Chí Minh  ",
        LegacyAddress: " 12 Lê Lợi, Phường 5, Quận 5 ",
        PreferredLanguage: Cultures.TraditionalChinese,
        LargeText: true,
        ReadAloud: true);

    private static string Refusal(Resident resident, ResidentContact contact) =>
        Assert.Throws<DomainException>(() => resident.UpdateContact(contact, Now)).Code;

    [Fact]
    public void Stores_the_contact_with_the_phone_normalised_and_the_address_trimmed()
    {
        var resident = Registered();
        resident.UpdateContact(Contact(), Now);

        Assert.Equal("0987654321", resident.Phone);
        Assert.Equal("bao.nguyen@example.vn", resident.Email);
        Assert.Equal("12 Lê Lợi", resident.Street);
        Assert.Equal("Phường Chợ Lớn", resident.WardName);
        Assert.Equal("Thành phố Hồ Chí Minh", resident.Province);
        Assert.Equal("12 Lê Lợi, Phường 5, Quận 5", resident.LegacyAddress);
        Assert.Equal(Cultures.TraditionalChinese, resident.PreferredLanguage);
        Assert.Equal(Now, resident.UpdatedAt);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("0212345678")] // a landline
    [InlineData("+84 12 345")]
    public void Refuses_a_phone_that_is_not_a_vietnamese_mobile(string phone) =>
        Assert.Equal(ErrorCodes.FieldPhone, Refusal(Registered(), Contact() with { Phone = phone }));

    [Theory]
    [InlineData("bao@example.vn", "bao@example.vn")]
    [InlineData("  bao.nguyen+desk@mail.example.vn ", "bao.nguyen+desk@mail.example.vn")]
    public void Accepts_an_email_address(string typed, string stored)
    {
        var resident = Registered();
        resident.UpdateContact(Contact() with { Email = typed }, Now);
        Assert.Equal(stored, resident.Email);
    }

    [Theory]
    [InlineData("bao.example.vn")]      // no @
    [InlineData("bao@nguyen@example.vn")] // two @
    [InlineData("bao@localhost")]       // no dot in the domain
    [InlineData("bao nguyen@example.vn")]
    [InlineData("bao@exam ple.vn")]
    public void Refuses_an_email_address_that_cannot_be_one(string email) =>
        Assert.Equal(ErrorCodes.FieldEmail, Refusal(Registered(), Contact() with { Email = email }));

    [Fact]
    public void Blank_parts_are_stored_as_nothing()
    {
        var resident = Registered();
        resident.UpdateContact(new ResidentContact(" ", "", null, "   ", "", null, Cultures.Vietnamese, false, false), Now);
        Assert.All(new[] { resident.Phone, resident.Email, resident.Street, resident.WardName, resident.Province, resident.LegacyAddress }, Assert.Null);
    }

    [Fact]
    public void An_address_part_may_be_as_long_as_the_limit_and_no_longer()
    {
        var resident = Registered();
        resident.UpdateContact(Contact() with { Street = new string('a', Resident.MaxAddressLength) }, Now);
        Assert.Equal(Resident.MaxAddressLength, resident.Street!.Length);

        Assert.Equal(ErrorCodes.FieldTooLong, Refusal(resident, Contact() with { Street = new string('a', Resident.MaxAddressLength + 1) }));
        Assert.Equal(ErrorCodes.FieldTooLong, Refusal(resident, Contact() with { LegacyAddress = new string('a', Resident.MaxAddressLength + 1) }));
    }

    [Fact]
    public void Refuses_a_language_that_is_not_offered() =>
        Assert.Equal(ErrorCodes.FieldChoice, Refusal(Registered(), Contact() with { PreferredLanguage = "fr" }));

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Keeps_the_reading_preferences(bool largeText, bool readAloud)
    {
        var resident = Registered();
        resident.UpdateContact(Contact() with { LargeText = largeText, ReadAloud = readAloud }, Now);
        Assert.Equal((largeText, readAloud), (resident.LargeText, resident.ReadAloud));
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("email")]
    [InlineData("language")]
    [InlineData("street")]
    [InlineData("ward")]
    [InlineData("province")]
    [InlineData("legacy address")]
    public void A_refused_update_changes_nothing(string wrongPart)
    {
        var resident = Registered();
        resident.UpdateContact(Contact(), Now);
        var before = Snapshot(resident);

        var tooLong = new string('a', Resident.MaxAddressLength + 1);
        var allDifferent = new ResidentContact("0911111111", "other@example.vn", "1 Trần Hưng Đạo", "Phường Bến Thành", "Hà Nội", "1 Trần Hưng Đạo, Quận 1",
            Cultures.English, LargeText: false, ReadAloud: false);
        var contact = wrongPart switch
        {
            "phone" => allDifferent with { Phone = "12345" },
            "email" => allDifferent with { Email = "other.example.vn" },
            "language" => allDifferent with { PreferredLanguage = "fr" },
            "street" => allDifferent with { Street = tooLong },
            "ward" => allDifferent with { WardName = tooLong },
            "province" => allDifferent with { Province = tooLong },
            _ => allDifferent with { LegacyAddress = tooLong },
        };
        Assert.Throws<DomainException>(() => resident.UpdateContact(contact, Now.AddHours(1)));

        Assert.Equal(before, Snapshot(resident));
    }

    private static object Snapshot(Resident r) =>
        (r.Phone, r.Email, r.Street, r.WardName, r.Province, r.LegacyAddress, (r.PreferredLanguage, r.LargeText, r.ReadAloud, r.UpdatedAt));
}
