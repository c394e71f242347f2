using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HelpDesk.Web.Data;

/// <summary>
/// Contexts for tooling (dotnet ef migrations) and for the drift test, built the way the app
/// builds them, so the model, the migrations and the running app always agree.
/// </summary>
public static class DesignTimeContexts
{
    public static SqliteHelpDeskDbContext Sqlite(string connectionString = "Data Source=design.db") =>
        Create<SqliteHelpDeskDbContext>(db => db.UseSqlite(connectionString));

    public static PostgresHelpDeskDbContext Postgres(string connectionString = "Host=localhost;Database=helpdesk_design") =>
        Create<PostgresHelpDeskDbContext>(db => db.UseNpgsql(connectionString));

    private static TContext Create<TContext>(Action<DbContextOptionsBuilder> configure) where TContext : HelpDeskDbContext
    {
        var services = new ServiceCollection();
        services.Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        services.AddDbContext<TContext>(configure);
        return services.BuildServiceProvider().GetRequiredService<TContext>();
    }
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHelpDeskDbContext>
{
    public SqliteHelpDeskDbContext CreateDbContext(string[] args) => DesignTimeContexts.Sqlite();
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHelpDeskDbContext>
{
    public PostgresHelpDeskDbContext CreateDbContext(string[] args) => DesignTimeContexts.Postgres();
}
