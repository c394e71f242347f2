using HelpDesk.Web.Setup;
using Npgsql;

namespace HelpDesk.Benchmarks.ResidentSearch;

/// <summary>
/// A fresh, empty database for one run: a SQLite file in a new temporary folder, or a uniquely
/// named database on the given PostgreSQL server. Deleted (dropped) on dispose unless kept.
/// </summary>
public sealed class ThrowawayDatabase : IDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;
    private readonly bool _keep;

    private ThrowawayDatabase(DatabaseProvider provider, string dataDirectory, string? connectionString,
        string? postgresAdmin, string? postgresName, bool keep)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
        _keep = keep;
    }

    public DatabaseProvider Provider { get; }
    /// <summary>The app's data folder: the SQLite file and its data-protection keys live here.</summary>
    public string DataDirectory { get; }
    /// <summary>The PostgreSQL connection string; null for SQLite, where the app finds its file in the data folder.</summary>
    public string? ConnectionString { get; }

    /// <summary>Where the data is, for a person who wants to look at it after a --keep run.</summary>
    public string Description => Provider == DatabaseProvider.Sqlite
        ? Path.Combine(DataDirectory, "helpdesk.db")
        : $"database {_postgresName}";

    public static ThrowawayDatabase Create(DatabaseProvider provider, string? postgresAdmin, bool keep)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("helpdesk-bench-").FullName;
        if (provider == DatabaseProvider.Sqlite)
            return new ThrowawayDatabase(provider, dataDirectory, null, null, null, keep);

        var admin = postgresAdmin ?? throw new InvalidOperationException("No PostgreSQL connection string.");
        // A name of our own making (letters, digits, underscore), so it is safe to put in the SQL text.
        var name = "helpdesk_bench_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new ThrowawayDatabase(provider, dataDirectory, connectionString, admin, name, keep);
    }

    public void Dispose()
    {
        if (_keep) return;
        if (_postgresName is not null)
        {
            // Pooled connections of the app would otherwise keep the database busy.
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left in the temporary folder; nothing else depends on it.
        }
    }
}
