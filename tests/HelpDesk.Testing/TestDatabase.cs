using Npgsql;

namespace HelpDesk.Testing;

/// <summary>
/// A fresh PostgreSQL database per app under test, on the throwaway server that tests/run.sh
/// starts (HELPDESK_TEST_POSTGRES holds its admin connection string). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string AdminVariable = "HELPDESK_TEST_POSTGRES";

    private readonly string _admin;
    private readonly string _name;

    private TestDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(AdminVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{AdminVariable} is not set. Run the suite with tests/run.sh, which starts a throwaway PostgreSQL server.");

    public static TestDatabase CreatePostgres()
    {
        var admin = AdminConnectionString;
        var name = "helpdesk_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(admin, name, builder.ConnectionString);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
