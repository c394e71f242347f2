using HelpDesk.Domain.Accounts;
using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Setup;

public static class IdentitySetup
{
    /// <summary>
    /// Accounts: passkeys first, password plus authenticator app as the fallback, lockout,
    /// and a short sliding cookie so a shared desk PC signs its user out when left alone.
    /// </summary>
    public static void AddHelpDeskIdentity(this WebApplicationBuilder builder)
    {
        var security = builder.Configuration.GetSection(HelpDeskOptions.Section).Get<HelpDeskOptions>()?.Security ?? new();
        var services = builder.Services;

        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = security.LockoutAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<HelpDeskDbContext>()
            .AddSignInManager<HelpDeskSignInManager>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.Configure<IdentityPasskeyOptions>(options =>
        {
            options.ServerDomain = string.IsNullOrWhiteSpace(security.PasskeyDomain) ? null : security.PasskeyDomain;
        });

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "hd.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/account/signin";
            cookie.LogoutPath = "/account/signout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleSignOutMinutes);
            cookie.SlidingExpiration = true;
        });
        // A deactivated account or a removed role takes effect within a minute, even mid-session.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            // A page that forgets to declare its audience is closed, not open.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>Creates the roles on start-up; they are fixed by the product.</summary>
    public static async Task EnsureRolesAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}

/// <summary>Refuses sign-in (and ends sessions at the next check) for deactivated accounts.</summary>
public sealed class HelpDeskSignInManager(
    UserManager<ApplicationUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<ApplicationUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        user.IsActive && await base.CanSignInAsync(user);
}
