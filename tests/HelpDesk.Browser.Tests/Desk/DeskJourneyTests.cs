using System.Text;
using System.Text.RegularExpressions;
using HelpDesk.Browser.Tests.Infrastructure;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Desk;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpDesk.Browser.Tests.Desk;

/// <summary>
/// An evening at the desk in a real browser: the volunteer checks in, prints queue numbers, serves
/// a resident and checks out. The app's clock is inside a Tuesday session (17:30–20:30) from the
/// start, before anyone signs in, so the sign-in cookies and the shift agree on the time.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskJourneyTests(BrowserFixture browser)
{
    private const string Vi = Cultures.Vietnamese;
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    [Fact]
    public async Task A_volunteer_checks_in_issues_two_tickets_serves_one_and_checks_out()
    {
        await using var app = new HelpDeskApp(kestrel: true);
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        await app.CreatePointAsync("TN01", volunteer.UserId);

        await browser.RunAsync(app, async session =>
        {
            var page = session.Page;
            await page.SignInWithPasswordAndCodeAsync(volunteer);
            await CheckInAsync(page);

            // First resident: number 1, in Vietnamese and (by default on a Vietnamese screen) Traditional Chinese.
            await page.GetByTestId("issue-ticket").ClickAsync();
            await page.WaitForURLAsync(new Regex("/desk/tickets/[0-9a-f-]{36}$", RegexOptions.IgnoreCase));
            await ExpectTicketAsync(page, number: 1, ahead: 0);

            await page.GetByRole(AriaRole.Link, new() { Name = Text(Vi, "Common_Back"), Exact = true }).ClickAsync();
            await page.WaitForPathAsync("/desk");
            await page.GetByTestId("issue-ticket").ClickAsync();
            await ExpectTicketAsync(page, number: 2, ahead: 1);

            await page.GotoAsync("/desk");
            await Expect(page.GetByTestId("ticket-1")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("ticket-2")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("start-visit")).ToHaveCountAsync(0);

            await page.GetByTestId("call-next").ClickAsync();
            await Expect(page.GetByTestId("desk-message")).ToHaveTextAsync(Text(Vi, "Desk_Called"));
            await Expect(page.GetByTestId("ticket-1")).ToContainTextAsync(Text(Vi, "Desk_CalledTo", 1));
            await Expect(page.GetByTestId("ticket-2")).ToContainTextAsync(Text(Vi, "Desk_StatusWaiting"));
            await Expect(page.GetByTestId("ticket-2").GetByTestId("start-visit")).ToHaveCountAsync(0);

            await page.GetByTestId("ticket-1").GetByTestId("start-visit").ClickAsync();
            await page.WaitForURLAsync(new Regex("/desk/visits/[0-9a-f-]{36}$", RegexOptions.IgnoreCase));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Text(Vi, "Visit_Title"));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(Text(Vi, "Visit_Ticket", 1));

            // The resident came for guidance, was served in Traditional Chinese, and was guided.
            await page.GetByTestId("purpose-Guidance").CheckAsync();
            var language = page.GetByRole(AriaRole.Group, new() { Name = Text(Vi, "Visit_Language") });
            await Expect(language.GetByRole(AriaRole.Radio, new() { Name = Text(Vi, "Language_vi") })).ToBeCheckedAsync();
            await language.GetByRole(AriaRole.Radio, new() { Name = Text(Vi, "Language_zh-Hant") }).CheckAsync();
            await page.GetByTestId("outcome-GuidedOnly").CheckAsync();
            await page.GetByTestId("close-visit").ClickAsync();

            // Back at an empty desk: nothing of the resident on screen, number 2 still waiting.
            await page.WaitForPathAsync("/desk");
            await Expect(page.GetByTestId("desk-message")).ToHaveTextAsync(Text(Vi, "Desk_VisitClosed"));
            await Expect(page.GetByTestId("open-visit")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("ticket-1")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("ticket-2")).ToContainTextAsync(Text(Vi, "Desk_StatusWaiting"));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(Text(Vi, "Desk_VisitsThisSession", 1));

            var visit = InDatabase(app, db => db.Visits.AsNoTracking().Single());
            Assert.NotNull(visit.ClosedAt);
            Assert.False(visit.ClosedAutomatically);
            Assert.Equal(VisitPurpose.Guidance, visit.Purpose);
            Assert.Equal(Cultures.TraditionalChinese, visit.Language);
            Assert.Equal(VisitOutcome.GuidedOnly, visit.Outcome);
            var tickets = InDatabase(app, db => db.QueueTickets.AsNoTracking().OrderBy(t => t.Number).ToList());
            Assert.Equal(new[] { TicketStatus.Served, TicketStatus.Waiting }, tickets.Select(t => t.Status));
            Assert.Equal(tickets[0].Id, visit.TicketId);

            await page.GetByTestId("check-out").ClickAsync();
            await Expect(page.GetByTestId("desk-message")).ToHaveTextAsync(Text(Vi, "Desk_CheckedOut"));
            await Expect(page.GetByTestId("check-in")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("check-out")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("issue-ticket")).ToHaveCountAsync(0);
            Assert.NotNull(InDatabase(app, db => db.Shifts.AsNoTracking().Single()).CheckedOutAt);
        });
    }

    [Fact]
    public async Task The_ticket_prints_on_one_page_with_large_digits()
    {
        await using var app = new HelpDeskApp(kestrel: true);
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        await app.CreatePointAsync("TN01", volunteer.UserId);

        await browser.RunAsync(app, async session =>
        {
            var page = session.Page;
            await page.SignInWithPasswordAndCodeAsync(volunteer);
            await CheckInAsync(page);
            await page.GetByTestId("issue-ticket").ClickAsync();
            await ExpectTicketAsync(page, number: 1, ahead: 0);
            var header = page.Locator("header.site-header");
            await Expect(header).ToBeVisibleAsync();

            await page.EmulateMediaAsync(new() { Media = Media.Print });

            await Expect(header).ToBeHiddenAsync();
            await Expect(page.Locator("footer.site-footer")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("print")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("ticket-number")).ToBeVisibleAsync();
            var fontSize = await page.GetByTestId("ticket-number")
                .EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
            Assert.True(fontSize >= 48, $"The printed number is {fontSize}px high; at least 48px was expected.");

            var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
            Assert.Equal(1, PdfPageCount(pdf));
        });
    }

    private static async Task CheckInAsync(IPage page)
    {
        await page.GotoAsync("/desk");
        await Expect(page.GetByTestId("check-out")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("check-in")).ToContainTextAsync("17:30–20:30");
        await page.GetByTestId("check-in").ClickAsync();
        await Expect(page.GetByTestId("desk-message")).ToHaveTextAsync(Text(Vi, "Desk_CheckedIn"));
        await Expect(page.GetByTestId("check-out")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("queue-empty")).ToBeVisibleAsync();
    }

    /// <summary>The ticket page of a Vietnamese screen: the big number, then each line in Vietnamese and Traditional Chinese.</summary>
    private static async Task ExpectTicketAsync(IPage page, int number, int ahead)
    {
        await page.WaitForURLAsync(new Regex("/desk/tickets/[0-9a-f-]{36}$", RegexOptions.IgnoreCase));
        var ticket = page.GetByTestId("ticket");
        await Expect(ticket.GetByTestId("ticket-number")).ToHaveTextAsync(number.ToString());
        foreach (var culture in new[] { Vi, Cultures.TraditionalChinese })
        {
            var lines = ticket.Locator($"[lang='{culture}']");
            await Expect(lines.Filter(new() { HasText = Text(culture, "Ticket_Number") })).ToHaveCountAsync(1);
            await Expect(lines.Filter(new() { HasText = Text(culture, "Ticket_Ahead", ahead) })).ToHaveCountAsync(1);
            await Expect(lines.Filter(new() { HasText = Text(culture, "Ticket_Wait") })).ToHaveCountAsync(1);
        }
    }

    private static string Text(string culture, string key, params object[] arguments)
    {
        var text = ResourceStrings.Value(culture, key);
        return arguments.Length == 0 ? text : string.Format(System.Globalization.CultureInfo.GetCultureInfo(culture), text, arguments);
    }

    private static T InDatabase<T>(HelpDeskApp app, Func<HelpDeskDbContext, T> read)
    {
        using var scope = app.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>());
    }

    /// <summary>The pages of a PDF as Chromium writes it: one "/Type /Page" object per page (the tree itself is "/Type /Pages").</summary>
    private static int PdfPageCount(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text);
        return Regex.Matches(text, @"/Type\s*/Page(?![a-zA-Z])").Count;
    }
}
