using HelpDesk.Testing;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Hosting;

namespace HelpDesk.Benchmarks;

/// <summary>
/// The real app as the test suites start it (<see cref="HelpDeskApp"/>: Kestrel, a throwaway data folder and
/// database), with the web project's folder as its content root, so wwwroot (capture.js) is served as in the
/// tests. The test projects get that root from the testing package's build; a program must name it. Shared by the
/// benchmarks under tools/benchmarks (each compiles this file).
/// </summary>
public sealed class BenchmarkApp(DatabaseProvider provider, IReadOnlyDictionary<string, string?> settings)
    : HelpDeskApp(provider, kestrel: true, settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseContentRoot(RepositoryPaths.Web);
    }
}
