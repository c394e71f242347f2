namespace HelpDesk.Domain.Tests.Calendar;

/// <summary>The repository's content/ folder, found above the test binaries.</summary>
internal static class RepositoryContent
{
    public static string Holidays { get; } = Path.Combine(FindRoot(), "content", "holidays");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HelpDesk.sln"))) return dir.FullName;
        throw new InvalidOperationException("HelpDesk.sln not found above " + AppContext.BaseDirectory);
    }

    public static HelpDesk.Domain.Calendar.HolidayCalendar Calendar { get; } = HelpDesk.Domain.Calendar.HolidayCalendarLoader.LoadDirectory(Holidays);
}
