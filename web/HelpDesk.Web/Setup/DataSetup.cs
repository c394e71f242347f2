using HelpDesk.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpDesk.Web.Setup;

public static class DataSetup
{
    /// <summary>
    /// Registers the database (SQLite or PostgreSQL) and where data-protection keys live. EF interceptors
    /// registered as services are attached (none in the app; tests use one to fail a commit on purpose).
    /// </summary>
    public static void AddHelpDeskData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(HelpDeskOptions.Section).Get<HelpDeskOptions>() ?? new();
        // Relative to the working directory, as the operator contract says (README).
        var dataDirectory = Path.GetFullPath(options.DataDirectory, Directory.GetCurrentDirectory());
        Directory.CreateDirectory(dataDirectory);
        var connectionString = builder.Configuration.GetConnectionString("HelpDesk");
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("HelpDesk");

        if (options.Database == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("HelpDesk:Database is Postgres but ConnectionStrings:HelpDesk is empty.");
            builder.Services.AddDbContext<HelpDeskDbContext, PostgresHelpDeskDbContext>((services, db) =>
                db.UseNpgsql(connectionString).ReplaceService<IModelCacheKeyFactory, SensitiveModelCacheKeyFactory>()
                    .AddInterceptors(services.GetServices<IInterceptor>()));
            builder.Services.AddOptions<KeyManagementOptions>()
                .Configure<IServiceScopeFactory>((keys, scopes) => keys.XmlRepository = new DatabaseKeyRepository(scopes));
        }
        else
        {
            connectionString ??= $"Data Source={Path.Combine(dataDirectory, "helpdesk.db")}";
            builder.Services.AddDbContext<HelpDeskDbContext, SqliteHelpDeskDbContext>((services, db) =>
                db.UseSqlite(connectionString).ReplaceService<IModelCacheKeyFactory, SensitiveModelCacheKeyFactory>()
                    .AddInterceptors(services.GetServices<IInterceptor>()));
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        }
        builder.Services.AddSingleton<SensitiveData>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
    }

    /// <summary>Applies pending migrations before the app takes requests; turns on WAL for SQLite.</summary>
    public static void MigrateDatabase(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        db.Database.Migrate();
        if (db.Database.IsSqlite())
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }
}

/// <summary>Ready means the database answers.</summary>
internal sealed class DatabaseHealthCheck(HelpDeskDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
