using HelpDesk.Web.Dossiers;

namespace HelpDesk.Web.Setup;

public static class DossiersSetup
{
    /// <summary>Submitting dossiers at the desk; the slip and the public tracking page read them.</summary>
    public static void AddHelpDeskDossiers(this IServiceCollection services)
    {
        services.AddScoped<DossierFiling>();
        services.AddScoped<DossierTracking>();
    }
}
