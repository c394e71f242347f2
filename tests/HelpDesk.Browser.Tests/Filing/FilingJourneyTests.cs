using System.Text.RegularExpressions;
using HelpDesk.Browser.Tests.Infrastructure;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Consents;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpDesk.Browser.Tests.Filing;

/// <summary>
/// A volunteer fills a procedure's form for a resident during a visit, screen by screen, up to the
/// review sheet. Inputs are found by their name (the form's keys), never by visible text, so the
/// journeys read the same in every language. The clock is inside a Tuesday session before sign-in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FilingJourneyTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));
    private static readonly Regex StepPage = new("/desk/drafts/[0-9a-f-]{36}/steps/(\\d+)$", RegexOptions.IgnoreCase);
    private static readonly Regex ReviewPage = new("/desk/drafts/[0-9a-f-]{36}/review$", RegexOptions.IgnoreCase);

    [Fact]
    public async Task A_birth_registration_is_filled_in_vietnamese_up_to_the_review_sheet()
    {
        await using var app = new HelpDeskApp(kestrel: true);
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        await app.CreatePointAsync("TN01", volunteer.UserId);

        await browser.RunAsync(app, async session =>
        {
            var page = session.Page;
            await page.SignInWithPasswordAndCodeAsync(volunteer);
            await OpenVisitAsync(page, app);
            await StartAsync(page, "1.001193", residentLanguage: Cultures.Vietnamese);

            await ExpectStepAsync(page, 1, 3);
            await Fill(page, new()
            {
                ["childFullName"] = "Nguyễn Ngọc Ánh",
                ["childDateOfBirth"] = "02/10/2025",
                ["childPlaceOfBirth"] = "Bệnh viện Từ Dũ",
                ["childNationality"] = "Việt Nam",
                ["childHometown"] = "Nam Định",
            });
            await page.Locator("select[name='childSex']").SelectOptionAsync("female");
            await SaveAndContinueAsync(page);

            await ExpectStepAsync(page, 2, 3);
            await Fill(page, new()
            {
                ["mother[0].motherFullName"] = "Phạm Thị Hoa",
                ["mother[0].motherDateOfBirth"] = "20/07/1996",
                ["mother[0].motherPersonalId"] = "036196005678",
                ["mother[0].motherResidence.street"] = "48 Nguyễn Trãi",
                ["mother[0].motherResidence.ward"] = "Phường Bến Thành",
                ["mother[0].motherResidence.province"] = "Thành phố Hồ Chí Minh",
            });
            await SaveAndContinueAsync(page);

            // A mistake on the last screen is shown next to the field and nothing typed is lost.
            await ExpectStepAsync(page, 3, 3);
            await Fill(page, new()
            {
                ["filerFullName"] = "Phạm Thị Hoa",
                ["filerPersonalId"] = "036196005678",
                ["filerPhone"] = "12345",
            });
            await page.Locator("select[name='filerRelationship']").SelectOptionAsync("mother");
            await SaveAndContinueAsync(page);
            await ExpectStepAsync(page, 3, 3);
            await Expect(page.Locator("input[name='filerPhone']")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.GetByTestId("error-filerPhone")).ToHaveTextAsync(ResourceStrings.Value(Cultures.Vietnamese, "Error_FieldPhone"));
            await Expect(page.Locator("input[name='filerFullName']")).ToHaveValueAsync("Phạm Thị Hoa");
            await page.Locator("input[name='filerPhone']").FillAsync("0912345678");
            await page.GetByTestId("save-continue").ClickAsync();

            await page.WaitForURLAsync(ReviewPage);
            var review = page.GetByTestId("review");
            await Expect(review.GetByTestId("value-childFullName")).ToHaveTextAsync("Nguyễn Ngọc Ánh");
            await Expect(review.GetByTestId("value-childSex")).ToHaveTextAsync("Nữ");
            await Expect(review.GetByTestId("value-mother[0].motherPersonalId")).ToHaveTextAsync("•••••••••678");
            await Expect(review.GetByTestId("value-filerPhone")).ToHaveTextAsync("0912345678");
            await Expect(review.GetByTestId("completeness")).ToHaveAttributeAsync("data-complete", "true");
            await Expect(review).Not.ToContainTextAsync("036196005678");
        });
    }

    [Fact]
    public async Task A_business_household_is_filled_in_simplified_chinese_with_two_members()
    {
        await using var app = new HelpDeskApp(kestrel: true);
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        await app.CreatePointAsync("TN01", volunteer.UserId);

        await browser.RunAsync(app, async session =>
        {
            var page = session.Page;
            await page.SignInWithPasswordAndCodeAsync(volunteer);
            await page.GetByTestId("culture-zh-Hans").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", Cultures.SimplifiedChinese);
            await OpenVisitAsync(page, app);
            await StartAsync(page, "1.001612", residentLanguage: null);

            await ExpectStepAsync(page, 1, 3);
            await Expect(page.Locator("label[for='f-ownerFullName'] [lang='zh-Hans']")).ToBeVisibleAsync();
            await Fill(page, new()
            {
                ["ownerFullName"] = "Lâm Quốc Cường",
                ["ownerDateOfBirth"] = "15/06/1985",
                ["ownerPersonalId"] = "079085001234",
                ["ownerResidence.street"] = "120 Hải Thượng Lãn Ông",
                ["ownerResidence.ward"] = "Phường Chợ Lớn",
                ["ownerResidence.province"] = "Thành phố Hồ Chí Minh",
                ["ownerPhone"] = "+84 903 123 456",
            });
            await page.Locator("select[name='ownerSex']").SelectOptionAsync("male");
            await SaveAndContinueAsync(page);

            await ExpectStepAsync(page, 2, 3);
            await Fill(page, new()
            {
                ["businessName"] = "Tiệm thuốc bắc Cường Ký",
                ["businessAddress.street"] = "120 Hải Thượng Lãn Ông",
                ["businessAddress.ward"] = "Phường Chợ Lớn",
                ["businessAddress.province"] = "Thành phố Hồ Chí Minh",
                ["businessActivity"] = "Bán lẻ thuốc đông y",
                ["capital"] = "150.000.000",
                ["employeeCount"] = "3",
            });
            await SaveAndContinueAsync(page);

            await ExpectStepAsync(page, 3, 3);
            await FillMemberAsync(page, 0, "Lâm Mỹ Linh", "02/02/1988", "female", "079188002345");
            await page.GetByTestId("add-contributingMembers").ClickAsync();
            await Expect(page.Locator("input[name='contributingMembers[1].memberFullName']")).ToBeVisibleAsync();
            await Expect(page.Locator("input[name='contributingMembers[0].memberFullName']")).ToHaveValueAsync("Lâm Mỹ Linh");
            await FillMemberAsync(page, 1, "Lâm Quốc Bảo", "09/09/2000", "male", "079200003456");
            await page.GetByTestId("save-continue").ClickAsync();

            await page.WaitForURLAsync(ReviewPage);
            var review = page.GetByTestId("review");
            await Expect(review.Locator("[lang='zh-Hans']").First).ToBeVisibleAsync();
            await Expect(review.GetByTestId("value-ownerPhone")).ToHaveTextAsync("0903123456");
            await Expect(review.GetByTestId("value-capital")).ToHaveTextAsync("150000000");
            await Expect(review.GetByTestId("value-ownerPersonalId")).ToHaveTextAsync("•••••••••234");
            await Expect(review.GetByTestId("value-contributingMembers").GetByTestId("item-contributingMembers-1")).ToContainTextAsync("Lâm Quốc Bảo");
            await Expect(review.GetByTestId("value-contributingMembers[0].memberSex").Locator("[lang='zh-Hans']")).ToHaveTextAsync("女");
            await Expect(review.GetByTestId("completeness")).ToHaveAttributeAsync("data-complete", "true");
        }, locale: "zh-CN");
    }

    [Fact]
    public async Task What_is_typed_survives_closing_the_tab_before_saving()
    {
        await using var app = new HelpDeskApp(kestrel: true);
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        await app.CreatePointAsync("TN01", volunteer.UserId);

        await browser.RunAsync(app, async session =>
        {
            var page = session.Page;
            await page.SignInWithPasswordAndCodeAsync(volunteer);
            await OpenVisitAsync(page, app);
            await StartAsync(page, "1.001193", residentLanguage: Cultures.Vietnamese);
            await ExpectStepAsync(page, 1, 3);
            var stepUrl = page.Url;

            await page.Locator("input[name='childFullName']").FillAsync("Nguyễn Ngọc");
            await page.Locator("select[name='childSex']").SelectOptionAsync("female");
            // Closing the tab straight away: the page hands what is typed over as it goes.
            await page.CloseAsync(new() { RunBeforeUnload = true });

            // The beacon is delivered after the tab is gone: wait until the server has it.
            for (var wait = 0; wait < 50 && !await TypingKeptAsync(app); wait++) await Task.Delay(100);
            var reopened = await session.Context.NewPageAsync();
            await reopened.GotoAsync(stepUrl);
            await Expect(reopened.GetByTestId("restored-typing")).ToBeVisibleAsync();
            await Expect(reopened.Locator("input[name='childFullName']")).ToHaveValueAsync("Nguyễn Ngọc");
            await Expect(reopened.Locator("select[name='childSex']")).ToHaveValueAsync("female");
        });
    }

    private static async Task<bool> TypingKeptAsync(HelpDeskApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().DossierDrafts.AnyAsync(d => d.TypedStep != null);
    }

    /// <summary>
    /// Checks in, opens a visit, and (by the test shortcut; the consent pages have their own journey)
    /// serves a resident reading the screen's language who consented to both forms filed here.
    /// </summary>
    private static async Task OpenVisitAsync(IPage page, HelpDeskApp app)
    {
        await page.GotoAsync("/desk");
        await page.GetByTestId("check-in").ClickAsync();
        await Expect(page.GetByTestId("check-out")).ToBeVisibleAsync();
        await page.GetByTestId("visit-without-ticket").ClickAsync();
        await page.WaitForURLAsync(new Regex("/desk/visits/[0-9a-f-]{36}$", RegexOptions.IgnoreCase));
        var visitId = Guid.Parse(new Uri(page.Url).Segments.Last());
        var language = await page.Locator("html").GetAttributeAsync("lang") ?? Cultures.Vietnamese;
        await app.ServeResidentAsync(visitId, language: language);
        await app.GiveConsentAsync(visitId, [ConsentPurpose.FileProcedure], "1.001193", "1.001612");
        await page.ReloadAsync();
        await page.GetByTestId("file-procedure").ClickAsync();
        await page.WaitForURLAsync(new Regex("/desk/visits/[0-9a-f-]{36}/file$", RegexOptions.IgnoreCase));
    }

    /// <summary>Chooses the procedure and, unless <paramref name="residentLanguage"/> is null (keep the default, the screen's language), the resident's.</summary>
    private static async Task StartAsync(IPage page, string code, string? residentLanguage)
    {
        await page.GetByTestId("procedure-" + code).CheckAsync();
        var language = page.Locator("select[name='ResidentLanguage']");
        if (residentLanguage is null)
            await Expect(language).ToHaveValueAsync(await page.Locator("html").GetAttributeAsync("lang") ?? "");
        else
            await language.SelectOptionAsync(residentLanguage);
        await page.GetByTestId("start-filing").ClickAsync();
        await page.WaitForURLAsync(StepPage);
    }

    private static async Task ExpectStepAsync(IPage page, int number, int of)
    {
        await page.WaitForURLAsync(new Regex($"/steps/{number}$"));
        var current = page.Locator(".stepper li[aria-current='step']");
        await Expect(current).ToHaveCountAsync(1);
        Assert.Equal(number, await current.EvaluateAsync<int>("li => [...li.parentElement.children].indexOf(li) + 1"));
        // The form's screens, then its papers.
        Assert.Equal(of + 1, await page.Locator(".stepper li").CountAsync());
        await Expect(page.Locator(".stepper li").Last.GetByTestId("papers-link")).ToBeVisibleAsync();
    }

    private static async Task Fill(IPage page, Dictionary<string, string> values)
    {
        foreach (var (name, value) in values) await page.Locator($"[name='{name}']").FillAsync(value);
    }

    private static async Task SaveAndContinueAsync(IPage page)
    {
        await page.GetByTestId("save-continue").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static async Task FillMemberAsync(IPage page, int item, string name, string born, string sex, string id)
    {
        var prefix = $"contributingMembers[{item}].";
        await Fill(page, new()
        {
            [prefix + "memberFullName"] = name,
            [prefix + "memberDateOfBirth"] = born,
            [prefix + "memberPersonalId"] = id,
            [prefix + "memberResidence.street"] = "120 Hải Thượng Lãn Ông",
            [prefix + "memberResidence.ward"] = "Phường Chợ Lớn",
            [prefix + "memberResidence.province"] = "Thành phố Hồ Chí Minh",
        });
        await page.Locator($"select[name='{prefix}memberSex']").SelectOptionAsync(sex);
    }
}
