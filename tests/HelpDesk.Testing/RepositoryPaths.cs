namespace HelpDesk.Testing;

/// <summary>Where the source lives, found from the test binaries by walking up to HelpDesk.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();
    public static string Web => Path.Combine(Root, "web", "HelpDesk.Web");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HelpDesk.sln"))) return dir.FullName;
        throw new InvalidOperationException("HelpDesk.sln not found above " + AppContext.BaseDirectory);
    }
}
