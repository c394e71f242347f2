using HelpDesk.Domain.Accounts;
using HelpDesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Tests.Operations;

/// <summary>Logs are JSON on the console and carry no personal data.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task The_console_log_is_json()
    {
        await using var app = new HelpDeskApp();
        var options = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Json, options.FormatterName);
    }

    [Fact]
    public async Task Signing_in_and_creating_an_account_log_no_names_or_secrets()
    {
        await using var app = new HelpDeskApp();
        var link = await app.SetupLinkAsync();
        var client = PageClient.For(app);
        var (_, details) = await client.GetAsync(new Uri(link).PathAndQuery);
        var (_, step2) = await client.SubmitAsync(details, "main form", new Dictionary<string, string>
        {
            ["Input.WardName"] = "Phường Xóm Chiếu", ["Input.Province"] = "Thành phố Hồ Chí Minh",
            ["Input.DisplayName"] = "Đặng Thị Hoa", ["Input.UserName"] = "hoa.dang",
        });
        await client.UsePasskeyAsync(step2, "form[data-passkey=create]", new SoftwareAuthenticator());
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        await PageClient.For(app).SignInAsync(volunteer);

        var logs = string.Join('\n', app.Logs.Messages.Where(m => !m.Contains("/join/")));
        Assert.DoesNotContain("Đặng Thị Hoa", logs);
        Assert.DoesNotContain("hoa.dang", logs);
        Assert.DoesNotContain(volunteer.UserName, logs);
        Assert.DoesNotContain(volunteer.Password, logs);
        Assert.DoesNotContain(new Uri(link).Segments.Last(), logs);
    }
}
