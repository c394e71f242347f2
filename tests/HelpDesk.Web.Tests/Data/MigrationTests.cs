using HelpDesk.Testing;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Data;

public sealed class ModelDrift
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = DesignTimeContexts.Sqlite();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a migration: run tools/ef-design/add-migration.sh <Name>.");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var db = DesignTimeContexts.Postgres();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a migration: run tools/ef-design/add-migration.sh <Name>.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        using var sqlite = DesignTimeContexts.Sqlite();
        using var postgres = DesignTimeContexts.Postgres();
        Assert.Equal(Names(sqlite), Names(postgres));
    }
}

public abstract class MigrationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : HelpDeskApp
{
    [Fact]
    public async Task Start_up_applies_every_migration_including_the_passkeys_table()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.UserPasskeys.CountAsync(p => p.UserId == "nobody"));
    }
}

public sealed class MigrationTestsOnSqlite(SqliteApp app) : MigrationTests<SqliteApp>(app);
public sealed class MigrationTestsOnPostgres(PostgresApp app) : MigrationTests<PostgresApp>(app);

public sealed class SqliteFileTests
{
    [Fact]
    public async Task The_sqlite_database_lives_in_the_data_folder_in_wal_mode()
    {
        await using var app = new HelpDeskApp();
        _ = app.Services;
        var file = Path.Combine(app.DataDirectory, "helpdesk.db");
        Assert.True(File.Exists(file));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
