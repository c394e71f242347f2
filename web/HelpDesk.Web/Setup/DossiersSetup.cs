using HelpDesk.Web.Dossiers;
using HelpDesk.Web.Printouts;

namespace HelpDesk.Web.Setup;

public static class DossiersSetup
{
    /// <summary>Submitting dossiers at the desk; the ward's queue and moves; the printouts (receipt slip, notices) and the public tracking page (cached) read them; reminder e-mails to the responsible officers.</summary>
    public static void AddHelpDeskDossiers(this IServiceCollection services)
    {
        services.AddScoped<DossierFiling>();
        services.AddScoped<DossierTracking>();
        services.AddScoped<DossierOffice>();
        services.AddScoped<DossierReaders>();
        services.AddScoped<DossierPrintouts>();
        services.AddSingleton<TrackingPageCache>();
        services.AddSingleton<DossierReminders>();
        services.AddHostedService(provider => provider.GetRequiredService<DossierReminders>());
        services.AddOutputCache(options => options.AddPolicy(TrackingPageCache.Policy, new TrackingPagePolicy()));
    }
}
