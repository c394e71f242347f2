using HelpDesk.Testing;
using HelpDesk.Web.Setup;

namespace HelpDesk.Web.Tests;

/// <summary>One app per test class on SQLite; each suite that touches data also runs on PostgreSQL.</summary>
public sealed class SqliteApp() : HelpDeskApp(DatabaseProvider.Sqlite);

/// <summary>The same app on the real PostgreSQL server started by tests/run.sh.</summary>
public sealed class PostgresApp() : HelpDeskApp(DatabaseProvider.Postgres);
