using System.Net;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Dossiers;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Dossiers;

/// <summary>
/// Reminder e-mails to the responsible officer, through a real (test) SMTP server: sent two working days
/// before the due date in office hours, in the officer's language, naming the dossier and not the resident;
/// claimed once per dossier and due date, however many rounds or instances run; released when sending fails.
/// </summary>
public abstract class DossierReminderTests(DatabaseProviderChoice choice)
{
    private const string ResidentName = "Quách Thị Ngọc";
    private const string OfficerEmail = "can.bo.thu@phuong.example.vn";
    private const string PublicBase = "https://helpdesk.example.vn";
    private static readonly DateTimeOffset FiledAt = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    /// <summary>A received dossier of the test ward, an officer with an e-mail address, and the day (a working day after filing) the tests remind on.</summary>
    private sealed record Ward(HelpDeskApp App, TestSmtpServer Smtp, Dossier Filed, TestAccount Officer, DateOnly Day) : IAsyncDisposable
    {
        public HolidayCalendar Calendar => App.Services.GetRequiredService<HolidayCalendar>();
        public DossierReminders Reminders => App.Services.GetRequiredService<DossierReminders>();

        public void At(DateOnly date, int hour, int minute = 0) => App.SetClock(VietnamTime.At(date, new TimeOnly(hour, minute)));

        /// <summary>Sets the dossier's due date and responsible officer (as a receipt and an assignment would).</summary>
        public Task ChangeAsync(DateOnly? due, string? officerId, DossierStatus status = DossierStatus.Received) =>
            InScopeAsync(App, db => db.Dossiers.Where(d => d.Id == Filed.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.DueDate, due).SetProperty(d => d.AssignedTo, officerId).SetProperty(d => d.Status, status)));

        public int Claims() => InScope(App, db => db.DossierReminders.Count());

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Smtp.DisposeAsync();
        }
    }

    private static T InScope<T>(HelpDeskApp app, Func<HelpDeskDbContext, T> work)
    {
        using var scope = app.Services.CreateScope();
        return work(scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>());
    }

    private static async Task<T> InScopeAsync<T>(HelpDeskApp app, Func<HelpDeskDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>());
    }

    /// <summary>Filed and received; due two working days after <see cref="Ward.Day"/>, assigned to an officer who reads <paramref name="culture"/>.</summary>
    private async Task<Ward> ReceivedAsync(string culture = Cultures.Vietnamese, string? email = OfficerEmail)
    {
        var smtp = new TestSmtpServer();
        var settings = smtp.Settings();
        settings["HelpDesk:PublicBaseUrl"] = PublicBase;
        var app = new HelpDeskApp(choice.Provider, settings: settings);
        app.SetClock(FiledAt);
        var dossier = await app.FileBirthRegistrationAsync(ResidentName, "郭氏玉");
        var officer = await app.CreateAsync(Roles.WardStaff);
        await app.WardMovesAsync(dossier.Id, officer.UserId, DossierIntent.Receive);
        await InScopeAsync(app, db => db.Users.Where(u => u.Id == officer.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, email).SetProperty(u => u.PreferredCulture, culture)));
        var calendar = app.Services.GetRequiredService<HolidayCalendar>();
        var day = calendar.NextWorkingDay(VietnamTime.Today(FiledAt));
        var ward = new Ward(app, smtp, dossier, officer, day);
        await ward.ChangeAsync(calendar.AddWorkingDays(day, 2), officer.UserId);
        ward.At(day, 9);
        return ward;
    }

    [Fact]
    public async Task A_reminder_goes_to_the_officer_two_working_days_before_the_due_date_in_their_language_without_the_residents_name()
    {
        await using var ward = await ReceivedAsync(Cultures.SimplifiedChinese);

        var sent = await ward.Reminders.RunOnceAsync();

        Assert.Equal(1, sent);
        var mail = Assert.Single(ward.Smtp.Messages);
        Assert.Equal([OfficerEmail], mail.To);
        Assert.Equal("helpdesk@phuong.example.vn", mail.From);
        Assert.Equal(string.Format(ResourceFiles.Value(Cultures.SimplifiedChinese, "ReminderMail_Subject"), 1), mail.Subject);
        Assert.Contains(ward.Filed.Number, mail.Body);
        Assert.Contains($"{PublicBase}/staff/dossiers/{ward.Filed.Id}", mail.Body);
        Assert.Contains(string.Format(ResourceFiles.Value(Cultures.SimplifiedChinese, "ReminderMail_Intro"), 2), mail.Body);
        Assert.DoesNotContain(ResidentName, mail.Body);
        Assert.DoesNotContain(ResidentName, mail.Subject);
        Assert.DoesNotContain(FilingFixture.BirthRegistrationAnswers["mother[0].motherPersonalId"], mail.Data);
        var claim = Assert.Single(InScope(ward.App, db => db.DossierReminders.ToList()));
        Assert.Equal((ward.Filed.Id, ward.Calendar.AddWorkingDays(ward.Day, 2), ward.Officer.UserId), (claim.DossierId, claim.DueDate, claim.OfficerId));
        Assert.NotNull(claim.SentAt);
    }

    [Fact]
    public async Task The_officer_gives_their_address_on_their_security_page_and_the_reminder_goes_there()
    {
        await using var ward = await ReceivedAsync(email: null);
        Assert.Equal(0, await ward.Reminders.RunOnceAsync()); // no address, no e-mail
        var officer = PageClient.For(ward.App);
        await officer.SignInAsync(ward.Officer);
        var (_, security) = await officer.GetAsync("/account/security");

        var (refusedStatus, refused) = await officer.SubmitAsync(security, "[data-testid=email-form]", new Dictionary<string, string> { ["Email"] = "can.bo.thu at phuong" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedStatus.StatusCode);
        Assert.Equal(ResourceFiles.Value(Cultures.Vietnamese, "Security_EmailInvalid"), refused.QuerySelector("[data-testid=security-message]")!.TextContent.Trim());
        Assert.Equal("can.bo.thu at phuong", refused.QuerySelector("#email")!.GetAttribute("value")); // kept to correct

        var (_, saved) = await officer.SubmitAsync(refused, "[data-testid=email-form]", new Dictionary<string, string> { ["Email"] = " " + OfficerEmail + " " });
        Assert.Equal(ResourceFiles.Value(Cultures.Vietnamese, "Security_EmailSaved"), saved.QuerySelector("[data-testid=security-message]")!.TextContent.Trim());

        Assert.Equal(1, await ward.Reminders.RunOnceAsync());
        Assert.Equal([OfficerEmail], Assert.Single(ward.Smtp.Messages).To);
    }

    [Fact]
    public async Task Nothing_is_sent_outside_office_hours_nor_on_a_weekend()
    {
        await using var ward = await ReceivedAsync();
        var saturday = ward.Day;
        while (saturday.DayOfWeek != DayOfWeek.Saturday) saturday = saturday.AddDays(1);

        ward.At(ward.Day, 6, 30);
        var early = await ward.Reminders.RunOnceAsync();
        ward.At(ward.Day, 12, 0);
        var lunch = await ward.Reminders.RunOnceAsync();
        ward.At(ward.Day, 17, 30);
        var evening = await ward.Reminders.RunOnceAsync();
        await ward.ChangeAsync(ward.Calendar.AddWorkingDays(saturday, 1), ward.Officer.UserId);
        ward.At(saturday, 9);
        var weekend = await ward.Reminders.RunOnceAsync();

        Assert.Equal([0, 0, 0, 0], [early, lunch, evening, weekend]);
        Assert.Empty(ward.Smtp.Messages);
        Assert.Equal(0, ward.Claims());
    }

    [Fact]
    public async Task Nothing_is_sent_three_working_days_before_the_due_date()
    {
        await using var ward = await ReceivedAsync();
        await ward.ChangeAsync(ward.Calendar.AddWorkingDays(ward.Day, 3), ward.Officer.UserId);

        Assert.Equal(0, await ward.Reminders.RunOnceAsync());
        Assert.Empty(ward.Smtp.Messages);
    }

    [Fact]
    public async Task Nothing_is_sent_without_a_responsible_officer_with_an_address_nor_for_a_closed_dossier()
    {
        await using var ward = await ReceivedAsync(email: null);
        var due = ward.Calendar.AddWorkingDays(ward.Day, 2);

        var noAddress = await ward.Reminders.RunOnceAsync();
        await ward.ChangeAsync(due, officerId: null);
        var nobody = await ward.Reminders.RunOnceAsync();
        await InScopeAsync(ward.App, db => db.Users.Where(u => u.Id == ward.Officer.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, OfficerEmail)));
        await ward.ChangeAsync(due, ward.Officer.UserId, DossierLifecycle.FinalStatuses[0]);
        var closed = await ward.Reminders.RunOnceAsync();

        Assert.Equal([0, 0, 0], [noAddress, nobody, closed]);
        Assert.Empty(ward.Smtp.Messages);
        Assert.Equal(0, ward.Claims());
    }

    [Fact]
    public async Task Rounds_run_twice_or_at_once_as_by_two_instances_send_one_email_per_dossier_and_due_date()
    {
        await using var ward = await ReceivedAsync();

        var together = await Task.WhenAll(ward.Reminders.RunOnceAsync(), ward.Reminders.RunOnceAsync());
        ward.At(ward.Day, 14);
        var later = await ward.Reminders.RunOnceAsync();

        Assert.Equal(1, together.Sum());
        Assert.Equal(0, later);
        Assert.Single(ward.Smtp.Messages);
        Assert.Equal(1, ward.Claims());
    }

    [Fact]
    public async Task A_new_due_date_is_reminded_of_again()
    {
        await using var ward = await ReceivedAsync();
        await ward.Reminders.RunOnceAsync();

        await ward.ChangeAsync(ward.Calendar.AddWorkingDays(ward.Day, 1), ward.Officer.UserId);
        var afterExtension = await ward.Reminders.RunOnceAsync();

        Assert.Equal(1, afterExtension);
        Assert.Equal(2, ward.Smtp.Messages.Count);
    }

    [Fact]
    public async Task A_refused_email_leaves_no_claim_so_the_next_round_sends_it()
    {
        await using var ward = await ReceivedAsync();
        ward.Smtp.RefuseData = true;

        var refused = await ward.Reminders.RunOnceAsync();
        var claimsAfterRefusal = ward.Claims();
        ward.Smtp.RefuseData = false;
        ward.At(ward.Day, 9, 5);
        var retried = await ward.Reminders.RunOnceAsync();

        Assert.Equal((0, 0, 1), (refused, claimsAfterRefusal, retried));
        var mail = Assert.Single(ward.Smtp.Messages);
        Assert.Contains(ward.Filed.Number, mail.Body);
        var warning = Assert.Single(ward.App.Logs.Messages, m => m.Contains("not sent", StringComparison.Ordinal));
        Assert.Contains(ward.Filed.Number, warning);
        Assert.DoesNotContain(ResidentName, warning);
        Assert.DoesNotContain(OfficerEmail, warning);
    }

    [Fact]
    public async Task A_claim_left_unsent_by_a_stopped_instance_is_taken_over_after_an_hour()
    {
        await using var ward = await ReceivedAsync();
        var due = ward.Calendar.AddWorkingDays(ward.Day, 2);
        var claimedAt = VietnamTime.At(ward.Day, new TimeOnly(9, 0));
        await InScopeAsync(ward.App, db =>
        {
            db.DossierReminders.Add(new DossierReminder(ward.Filed.Id, due, ward.Officer.UserId, claimedAt));
            return db.SaveChangesAsync();
        });

        ward.At(ward.Day, 9, 30);
        var whileRecent = await ward.Reminders.RunOnceAsync();
        ward.At(ward.Day, 10, 1);
        var afterAnHour = await ward.Reminders.RunOnceAsync();

        Assert.Equal((0, 1), (whileRecent, afterAnHour));
        Assert.Single(ward.Smtp.Messages);
        Assert.Equal(1, ward.Claims());
    }

    [Fact]
    public async Task Without_an_smtp_host_email_is_off_and_the_log_says_so()
    {
        await using var app = new HelpDeskApp(choice.Provider);
        app.SetClock(VietnamTime.At(app.Services.GetRequiredService<HolidayCalendar>().NextWorkingDay(VietnamTime.Today(FiledAt)), new TimeOnly(9, 0)));

        var sent = await app.Services.GetRequiredService<DossierReminders>().RunOnceAsync();

        Assert.Equal(0, sent);
        Assert.Single(app.Logs.Messages, m => m.Contains("E-mail is off", StringComparison.Ordinal));
    }
}

public sealed class DossierReminderTestsOnSqlite() : DossierReminderTests(DatabaseProviderChoice.Sqlite);
public sealed class DossierReminderTestsOnPostgres() : DossierReminderTests(DatabaseProviderChoice.Postgres);
