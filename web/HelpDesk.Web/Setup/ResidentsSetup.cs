using HelpDesk.Web.Audit;
using HelpDesk.Web.Residents;

namespace HelpDesk.Web.Setup;

public static class ResidentsSetup
{
    public static void AddHelpDeskResidents(this IServiceCollection services)
    {
        services.AddSingleton<PersonalIdLookup>();
        services.AddScoped<ResidentRegister>();
        services.AddScoped<ResidentAccess>();
        services.AddScoped<ResidentAccounts>();
        services.AddScoped<ConsentDocuments>();
        services.AddScoped<AuditLog>();
    }
}
