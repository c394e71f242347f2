using System.Net;
using System.Net.Mail;
using System.Text;
using HelpDesk.Web.Setup;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Mail;

/// <summary>A plain-text e-mail to one address.</summary>
public sealed record MailToSend(string To, string Subject, string Body);

/// <summary>Sends e-mail; throws when the server refuses it, so the caller can try again later.</summary>
public interface IMailSender
{
    Task SendAsync(MailToSend mail, CancellationToken cancellation);
}

/// <summary>Through the SMTP server of HelpDesk:Smtp (System.Net.Mail: MailKit is not available here).</summary>
public sealed class SmtpMailSender(IOptions<HelpDeskOptions> options) : IMailSender
{
    public async Task SendAsync(MailToSend mail, CancellationToken cancellation)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(smtp.UserName)) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        using var message = new MailMessage(smtp.From ?? "", mail.To, mail.Subject, mail.Body)
        {
            // Vietnamese and Chinese text: UTF-8, base64 so that no relay mangles 8-bit lines.
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
        };
        await client.SendMailAsync(message, cancellation);
    }
}
