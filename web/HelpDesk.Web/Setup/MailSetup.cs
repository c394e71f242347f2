using HelpDesk.Web.Mail;

namespace HelpDesk.Web.Setup;

public static class MailSetup
{
    /// <summary>E-mail through the SMTP server of HelpDesk:Smtp; off when no Host is set.</summary>
    public static void AddHelpDeskMail(this IServiceCollection services) =>
        services.AddSingleton<IMailSender, SmtpMailSender>();
}
