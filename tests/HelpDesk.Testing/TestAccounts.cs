using HelpDesk.Domain;
using HelpDesk.Domain.Places;
using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Testing;

/// <summary>A person with an account, a password and an authenticator key, so tests can sign them in by the fallback route.</summary>
public sealed record TestAccount(string UserId, string UserName, string Password, string AuthenticatorKey, string Role, Guid WardId)
{
    public string CurrentCode() => Totp.Code(AuthenticatorKey, DateTimeOffset.UtcNow);
}

public static class TestAccounts
{
    public const string Password = "correct-horse-battery-7";
    public const string WardName = "Phường Thử Nghiệm";

    /// <summary>Creates a ward (or reuses the test ward) and an account with the role, password and authenticator enabled.</summary>
    public static async Task<TestAccount> CreateAsync(this HelpDeskApp app, string role, string? userName = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var ward = db.Wards.FirstOrDefault(w => w.Name == WardName);
        if (ward is null)
        {
            ward = new Ward(WardName, "Thành phố Hồ Chí Minh");
            db.Wards.Add(ward);
            await db.SaveChangesAsync();
        }
        var user = new ApplicationUser
        {
            UserName = userName ?? $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}"[..24],
            DisplayName = "Người Thử " + role,
            WardId = ward.Id,
            PreferredCulture = Cultures.Vietnamese,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
        return new TestAccount(user.Id, user.UserName!, Password, key, role, ward.Id);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
