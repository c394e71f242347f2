using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Procedures;

namespace HelpDesk.Web.Setup;

public static class ContentSetup
{
    /// <summary>
    /// Loads content/ (procedures and their forms, consent texts, the holiday calendar) once, at start-up: a wrong file stops the app
    /// here with a message naming the file, the place in it and the problem.
    /// </summary>
    public static void AddHelpDeskContent(this WebApplicationBuilder builder)
    {
        // By default the copy of content/ built next to the app; a configured folder (relative to
        // the working directory) lets an operator publish new procedures without a rebuild.
        var configured = builder.Configuration[$"{HelpDeskOptions.Section}:ContentDirectory"];
        var directory = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "content")
            : Path.GetFullPath(configured, Directory.GetCurrentDirectory());
        builder.Services.AddSingleton(ProcedureLoader.LoadDirectory(Path.Combine(directory, "procedures")));
        builder.Services.AddSingleton(ConsentTextLoader.LoadDirectory(Path.Combine(directory, "consent")));
        builder.Services.AddSingleton(HolidayCalendarLoader.LoadDirectory(Path.Combine(directory, "holidays")));
    }
}
