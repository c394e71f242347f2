using System.Net;
using HelpDesk.Testing;

namespace HelpDesk.Web.Tests.Operations;

public abstract class HealthTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : HelpDeskApp
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Probe_answers_healthy_without_signing_in(string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class HealthTestsOnSqlite(SqliteApp app) : HealthTests<SqliteApp>(app);
public sealed class HealthTestsOnPostgres(PostgresApp app) : HealthTests<PostgresApp>(app);

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_fails_when_the_database_cannot_be_reached()
    {
        await using var app = new HelpDeskApp();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        // Take the database away under the running app: the folder it lives in becomes unreadable.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Move(app.DataDirectory, app.DataDirectory + "-gone");
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
        }
        finally
        {
            Directory.Move(app.DataDirectory + "-gone", app.DataDirectory);
        }
    }
}
