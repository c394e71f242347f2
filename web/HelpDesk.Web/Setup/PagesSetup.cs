namespace HelpDesk.Web.Setup;

public static class PagesSetup
{
    public static void AddHelpDeskPages(this IServiceCollection services)
    {
        services.AddRazorPages()
            .AddViewLocalization()
            .AddLocalizedValidation();
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "hd.af";
            antiforgery.HeaderName = "RequestVerificationToken";
        });
    }
}
