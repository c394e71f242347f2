using HelpDesk.Domain.Procedures;

namespace HelpDesk.Web.Setup;

public static class ContentSetup
{
    /// <summary>
    /// Loads content/ (procedures and their forms) once, at start-up: a wrong file stops the app
    /// here with a message naming the file, the place in it and the problem.
    /// </summary>
    public static void AddHelpDeskContent(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{HelpDeskOptions.Section}:ContentDirectory"];
        var directory = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "content" : configured, Directory.GetCurrentDirectory());
        builder.Services.AddSingleton(ProcedureLoader.LoadDirectory(Path.Combine(directory, "procedures")));
    }
}
