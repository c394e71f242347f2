using HelpDesk.Domain;
using HelpDesk.Domain.People;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Residents;

/// <summary>The resident register on a real database: diacritics-free search, phone and ID lookup, ID numbers encrypted and unique.</summary>
public abstract class ResidentRegisterTests(DatabaseProviderChoice choice) : IAsyncLifetime
{
    private HelpDeskApp _app = null!;
    private Guid _ward;

    public async Task InitializeAsync()
    {
        _app = new HelpDeskApp(choice.Provider);
        var point = await _app.CreatePointAsync("TN01");
        _ward = point.WardId;
        await RegisterAsync(new("Nguyễn Văn Bảo", "阮文寶", new DateOnly(1990, 5, 1), Sex.Male, "079090012345", "0912345678", Cultures.TraditionalChinese));
        await RegisterAsync(new("Đặng Thị Hoa", null, new DateOnly(1955, 2, 3), Sex.Female, null, "0987654321", Cultures.Vietnamese));
        await RegisterAsync(new("Nguyễn Thị Bích", null, new DateOnly(1948, 7, 9), Sex.Female, "001148012345", null, Cultures.SimplifiedChinese));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<Resident> RegisterAsync(ResidentDetails details, Guid? ward = null)
    {
        using var scope = _app.Services.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<ResidentRegister>();
        var resident = await register.RegisterAsync(details, ward ?? _ward, "volunteer-1");
        await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().SaveChangesAsync();
        return resident;
    }

    /// <summary>A resident known by name only, as many are at first.</summary>
    private Task<Resident> RegisterNamedAsync(string fullName, Guid? ward = null) =>
        RegisterAsync(new(fullName, null, new DateOnly(1980, 1, 1), Sex.Female, null, null, Cultures.Vietnamese), ward);

    private async Task<IReadOnlyList<string>> SearchAsync(string query, Guid? ward = null)
    {
        using var scope = _app.Services.CreateScope();
        var found = await scope.ServiceProvider.GetRequiredService<ResidentRegister>().SearchAsync(ward ?? _ward, query);
        return found.Select(r => r.FullName).ToList();
    }

    [Theory]
    [InlineData("nguyen van bao", "Nguyễn Văn Bảo")]
    [InlineData("NGUYEN VAN BAO", "Nguyễn Văn Bảo")]
    [InlineData("dang thi hoa", "Đặng Thị Hoa")]
    [InlineData("hoa", "Đặng Thị Hoa")]
    [InlineData("nguyen thi b", "Nguyễn Thị Bích")]
    [InlineData("Nguyễn Văn Bảo", "Nguyễn Văn Bảo")]
    public async Task A_name_typed_without_diacritics_finds_the_resident(string query, string expected) =>
        Assert.Equal([expected], await SearchAsync(query));

    [Fact]
    public async Task Every_word_must_match() =>
        Assert.Equal(["Nguyễn Thị Bích", "Nguyễn Văn Bảo"], await SearchAsync("nguyen"));

    [Theory]
    [InlineData("bao nguyen", "Nguyễn Văn Bảo")]
    [InlineData("bao van nguyen", "Nguyễn Văn Bảo")]
    [InlineData("van bao ng", "Nguyễn Văn Bảo")]
    [InlineData("hoa dang", "Đặng Thị Hoa")]
    [InlineData("thi hoa d", "Đặng Thị Hoa")]
    [InlineData("bich", "Nguyễn Thị Bích")]
    [InlineData("bi", "Nguyễn Thị Bích")]
    public async Task Words_in_another_order_or_a_given_name_alone_find_the_resident(string query, string expected) =>
        Assert.Equal([expected], await SearchAsync(query));

    [Theory]
    [InlineData("hoa đang")]
    [InlineData("hoa dang")]
    [InlineData("HOA ĐẶNG")]
    public async Task D_with_a_stroke_is_found_as_d_in_any_word_order(string query) =>
        Assert.Equal(["Đặng Thị Hoa"], await SearchAsync(query));

    [Fact]
    public async Task Words_in_another_order_find_nobody_of_another_ward()
    {
        var otherWard = (await _app.CreateWardAsync()).Id;
        await RegisterNamedAsync("Trần Văn Bảo", otherWard);
        await RegisterNamedAsync("Lê Thị Hoa", otherWard);

        Assert.Empty(await SearchAsync("bao tran"));
        Assert.Equal(["Đặng Thị Hoa"], await SearchAsync("hoa"));
        Assert.Equal(["Nguyễn Văn Bảo"], await SearchAsync("bao nguyen"));
        Assert.Equal(["Trần Văn Bảo"], await SearchAsync("bao tran", otherWard));
        Assert.Equal(["Lê Thị Hoa"], await SearchAsync("hoa", otherWard));
        Assert.Empty(await SearchAsync("bao nguyen", otherWard));
    }

    [Fact]
    public async Task A_given_name_alone_lists_everyone_having_it_in_name_order_once_each()
    {
        // "Nguyễn Hoàng Hoa" has two words starting with "hoa": she is listed once.
        await RegisterNamedAsync("Nguyễn Hoàng Hoa");
        await RegisterNamedAsync("Lâm Hoa");
        await RegisterNamedAsync("Trần Hòa");

        Assert.Equal(["Đặng Thị Hoa", "Lâm Hoa", "Nguyễn Hoàng Hoa", "Trần Hòa"], await SearchAsync("hoa"));
    }

    [Fact]
    public async Task A_common_word_with_a_rare_one_in_another_order_finds_a_full_page_in_name_order()
    {
        for (var i = 0; i < ResidentRegister.MaxResults + 5; i++)
            await RegisterNamedAsync($"Trần Văn Bảo {(char)('A' + i)}");

        var found = await SearchAsync("van tran");

        Assert.Equal(ResidentRegister.MaxResults, found.Count);
        Assert.Equal(found.OrderBy(NameFolding.Fold, StringComparer.Ordinal), found);
        Assert.All(found, name => Assert.StartsWith("Trần Văn Bảo", name));
    }

    [Fact]
    public async Task Name_tokens_written_before_they_carried_the_ward_get_it_from_their_resident()
    {
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_NameTokenWard")).Last());
            await migrator.MigrateAsync();
            var bao = await db.ResidentNameTokens.SingleAsync(t => t.Token == "bao");
            Assert.Equal((_ward, "nguyen van bao", new DateOnly(1990, 5, 1)), (bao.WardId, bao.SearchName, bao.DateOfBirth));
        }
        Assert.Equal(["Nguyễn Văn Bảo"], await SearchAsync("bao nguyen"));
    }

    [Theory]
    [InlineData("+84 912 345 678")]
    [InlineData("0912.345.678")]
    public async Task A_phone_number_finds_the_resident_however_it_is_written(string phone) =>
        Assert.Equal(["Nguyễn Văn Bảo"], await SearchAsync(phone));

    [Fact]
    public async Task A_personal_id_number_finds_the_resident() =>
        Assert.Equal(["Nguyễn Thị Bích"], await SearchAsync("001 148 012 345"));

    [Fact]
    public async Task Residents_of_another_ward_are_not_found() =>
        Assert.Empty(await SearchAsync("nguyen van bao", Guid.NewGuid()));

    [Fact]
    public async Task The_same_id_number_cannot_be_registered_twice()
    {
        var again = new ResidentDetails("Nguyen Van Bao", null, new DateOnly(1990, 5, 1), Sex.Male, "079 090 012 345", null, Cultures.Vietnamese);
        Assert.Equal(ErrorCodes.ResidentIdTaken, (await Assert.ThrowsAsync<DomainException>(() => RegisterAsync(again))).Code);
    }

    [Fact]
    public async Task A_similar_name_with_the_same_birth_date_is_offered_as_a_possible_duplicate()
    {
        using var scope = _app.Services.CreateScope();
        var similar = await scope.ServiceProvider.GetRequiredService<ResidentRegister>().SimilarAsync(_ward, "nguyen van  bao", new DateOnly(1990, 5, 1));
        Assert.Equal(["Nguyễn Văn Bảo"], similar.Select(r => r.FullName));
    }

    [Fact]
    public async Task Id_numbers_are_encrypted_in_the_database()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var stored = await db.Database.SqlQueryRaw<string>("SELECT \"PersonalIdNumber\" AS \"Value\" FROM \"Residents\" WHERE \"PersonalIdNumber\" IS NOT NULL").ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, cipher => Assert.DoesNotContain("012345", cipher));
        var bao = await db.Residents.SingleAsync(r => r.SearchName == "nguyen van bao");
        Assert.Equal("079090012345", bao.PersonalIdNumber);
    }
}

public sealed class ResidentRegisterTestsOnSqlite() : ResidentRegisterTests(DatabaseProviderChoice.Sqlite);
public sealed class ResidentRegisterTestsOnPostgres() : ResidentRegisterTests(DatabaseProviderChoice.Postgres);
