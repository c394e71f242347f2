using HelpDesk.Domain.People;

namespace HelpDesk.Domain.Tests.People;

public sealed class NameFoldingFold
{
    [Theory]
    [InlineData("Nguyễn Văn Bảo", "nguyen van bao")]
    [InlineData("  NGUYỄN   văn  bảo ", "nguyen van bao")]
    [InlineData("Đặng Thị Hoa", "dang thi hoa")]
    [InlineData("Trương Thị Lan", "truong thi lan")]
    [InlineData("Lâm Gia-Huy", "lam gia huy")]
    [InlineData("林嘉輝", "林嘉輝")]
    [InlineData("", "")]
    public void Ignores_diacritics_case_and_spacing(string name, string folded) =>
        Assert.Equal(folded, NameFolding.Fold(name));

    [Fact]
    public void Gives_each_word_once_as_a_token() =>
        Assert.Equal(["nguyen", "thi", "nguyet"], NameFolding.Tokens("Nguyễn Thị Nguyệt"));
}

public sealed class ResidentRegister
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 18, 0, 0, TimeSpan.Zero);
    private static string Lookup(string id) => "h:" + id;

    private static ResidentDetails Bao(string? id = "079090012345", string? phone = "+84 912 345 678") =>
        new("Nguyễn  Văn Bảo", "阮文寶", new DateOnly(1990, 5, 1), Sex.Male, id, phone, Cultures.TraditionalChinese);

    [Fact]
    public void Keeps_the_name_whole_with_diacritics_and_indexes_its_folded_words()
    {
        var resident = Resident.Register(Bao(), Lookup, Guid.NewGuid(), "v1", Now);
        Assert.Equal("Nguyễn Văn Bảo", resident.FullName);
        Assert.Equal("nguyen van bao", resident.SearchName);
        Assert.Equal(["nguyen", "van", "bao"], resident.NameTokens.Select(t => t.Token));
        Assert.Equal("0912345678", resident.Phone);
        Assert.Equal("h:079090012345", resident.PersonalIdLookup);
        Assert.Equal("•••••••••345", resident.MaskedPersonalId);
    }

    [Theory]
    [InlineData("079190012345", ErrorCodes.PersonalIdSexMismatch)]       // female digit for a man
    [InlineData("079091012345", ErrorCodes.PersonalIdBirthYearMismatch)] // born 1991
    [InlineData("003090012345", ErrorCodes.PersonalIdProvince)]
    [InlineData("07909001234", ErrorCodes.PersonalIdFormat)]
    public void Refuses_an_id_number_that_cannot_be_theirs(string id, string error) =>
        Assert.Equal(error, Assert.Throws<DomainException>(() => Resident.Register(Bao(id), Lookup, Guid.NewGuid(), "v1", Now)).Code);

    [Fact]
    public void Accepts_a_resident_without_id_or_phone_and_refuses_a_bad_phone()
    {
        var resident = Resident.Register(Bao(id: null, phone: null), Lookup, Guid.NewGuid(), "v1", Now);
        Assert.Null(resident.PersonalIdLookup);
        Assert.Null(resident.MaskedPersonalId);
        Assert.Equal(ErrorCodes.FieldPhone, Assert.Throws<DomainException>(() => Resident.Register(Bao(phone: "12345"), Lookup, Guid.NewGuid(), "v1", Now)).Code);
    }

    [Fact]
    public void Refuses_a_birth_date_in_the_future() =>
        Assert.Equal(ErrorCodes.ResidentBornInFuture, Assert.Throws<DomainException>(() =>
            Resident.Register(Bao() with { DateOfBirth = new DateOnly(2027, 1, 1), PersonalIdNumber = null }, Lookup, Guid.NewGuid(), "v1", Now)).Code);

    [Fact]
    public void Looks_like_someone_with_the_same_folded_name_and_birth_date()
    {
        var resident = Resident.Register(Bao(), Lookup, Guid.NewGuid(), "v1", Now);
        Assert.True(resident.LooksLike("nguyen van bao", new DateOnly(1990, 5, 1)));
        Assert.False(resident.LooksLike("nguyen van bao", new DateOnly(1990, 5, 2)));
        Assert.False(resident.LooksLike("nguyen van bac", new DateOnly(1990, 5, 1)));
    }
}
