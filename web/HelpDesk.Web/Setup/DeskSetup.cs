using HelpDesk.Web.Desk;

namespace HelpDesk.Web.Setup;

public static class DeskSetup
{
    public static void AddHelpDeskDesk(this IServiceCollection services)
    {
        services.AddScoped<DeskService>();
        services.AddHostedService<DeskHousekeeping>();
    }
}
