using HelpDesk.Domain;
using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Data;
using HelpDesk.Web.Mail;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Dossiers;

/// <summary>
/// E-mails each responsible officer, in office hours, the list of their open dossiers due within
/// HelpDesk:Dossiers:ReminderWorkingDays working days, once per dossier and due date. Each reminder is
/// claimed by a row before it is sent, so several app instances never send the same one twice.
/// </summary>
public sealed partial class DossierReminders(
    IServiceScopeFactory scopes, IMailSender mail, HolidayCalendar calendar, ProcedureCatalog catalog, TimeProvider clock,
    IOptions<HelpDeskOptions> options, ILogger<DossierReminders> logger) : BackgroundService
{
    /// <summary>A claim still unsent after this long was left by an instance that stopped between claiming and sending.</summary>
    public static readonly TimeSpan AbandonedClaim = TimeSpan.FromHours(1);

    private sealed record Due(Guid DossierId, string Number, string ProcedureCode, DateOnly DueDate, string OfficerId, string Email, string Culture);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Smtp.Enabled)
        {
            LogMailOff(logger);
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.Dossiers.ReminderCheckMinutes), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error);
            }
        }
    }

    /// <summary>One round: claims and sends the reminders due now (none outside office hours or with e-mail off). Returns the e-mails sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow();
        if (!options.Value.Smtp.Enabled || !OfficeHours.IsOpen(calendar, now)) return 0;
        var today = VietnamTime.Today(now);
        var until = DeadlineQueries.Until(calendar, options.Value.Dossiers, today);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var abandoned = now - AbandonedClaim;
        await db.DossierReminders.Where(r => r.SentAt == null && r.ClaimedAt < abandoned).ExecuteDeleteAsync(cancellation);
        var due = await (
            from d in db.Dossiers.DueSoon(today, until)
            where !db.DossierReminders.Any(r => r.DossierId == d.Id && r.DueDate == d.DueDate)
            join u in db.Users on d.AssignedTo equals u.Id
            where u.IsActive && u.Email != null && u.Email != ""
            orderby d.DueDate, d.Number
            select new Due(d.Id, d.Number, d.ProcedureCode, d.DueDate!.Value, u.Id, u.Email!, u.PreferredCulture)).ToListAsync(cancellation);
        var sent = 0;
        foreach (var officer in due.GroupBy(d => d.OfficerId))
        {
            var claims = new List<(Due Dossier, DossierReminder Claim)>();
            foreach (var dossier in officer)
            {
                var claim = await ClaimAsync(db, dossier, now, cancellation);
                if (claim is not null) claims.Add((dossier, claim));
            }
            if (claims.Count == 0) continue;
            try
            {
                await mail.SendAsync(Compose(claims.Select(c => c.Dossier).ToList()), cancellation);
                foreach (var (_, claim) in claims) claim.Sent(clock.GetUtcNow());
                await db.SaveChangesAsync(cancellation);
                sent++;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Released, so that a later round (of any instance) tries again.
                db.DossierReminders.RemoveRange(claims.Select(c => c.Claim));
                await db.SaveChangesAsync(cancellation);
                // The status code only: a server's own message may quote the officer's address.
                LogNotSent(logger, string.Join(", ", claims.Select(c => c.Dossier.Number)),
                    error is System.Net.Mail.SmtpException smtp ? $"SMTP {smtp.StatusCode}" : error.GetType().Name);
            }
        }
        return sent;
    }

    /// <summary>The claim row, or null when another instance (or an earlier round) holds it: the unique index refuses a second one.</summary>
    private static async Task<DossierReminder?> ClaimAsync(HelpDeskDbContext db, Due dossier, DateTimeOffset now, CancellationToken cancellation)
    {
        var claim = new DossierReminder(dossier.DossierId, dossier.DueDate, dossier.OfficerId, now);
        db.DossierReminders.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellation);
            return claim;
        }
        catch (DbUpdateException)
        {
            db.Entry(claim).State = EntityState.Detached;
            return null;
        }
    }

    /// <summary>One e-mail listing the officer's dossiers, in their language: number, procedure, due date and link; nothing about the resident.</summary>
    private MailToSend Compose(IReadOnlyList<Due> dossiers)
    {
        var first = dossiers[0];
        var culture = Cultures.All.Contains(first.Culture) ? first.Culture : Cultures.Default;
        var baseUrl = options.Value.PublicBaseUrl?.TrimEnd('/') ?? "";
        var lines = dossiers.Select(d => TextsIn.Get(culture, "ReminderMail_Line",
            d.Number, catalog.FindByCode(d.ProcedureCode)?.Name.In(culture) ?? d.ProcedureCode, d.DueDate, $"{baseUrl}/staff/dossiers/{d.DossierId}"));
        var body = TextsIn.Get(culture, "ReminderMail_Intro", options.Value.Dossiers.ReminderWorkingDays)
            + "\n\n" + string.Join("\n", lines) + "\n";
        return new MailToSend(first.Email, TextsIn.Get(culture, "ReminderMail_Subject", dossiers.Count), body);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail is off (no HelpDesk:Smtp:Host): no reminder e-mails will be sent.")]
    private static partial void LogMailOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder e-mail for dossiers {Numbers} not sent ({Error}); will retry.")]
    private static partial void LogNotSent(ILogger logger, string numbers, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking for reminder e-mails failed; will retry.")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
