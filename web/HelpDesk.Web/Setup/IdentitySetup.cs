using System.Security.Claims;
using HelpDesk.Domain.Accounts;
using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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
            .AddClaimsPrincipalFactory<HelpDeskClaimsFactory>()
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
        // A changed security stamp (new role, removed passkey) takes effect within a minute ...
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        // ... and a deactivated account at its very next request.
        services.AddScoped<ActiveAccountCheck>();
        services.ConfigureApplicationCookie(cookie => cookie.EventsType = typeof(ActiveAccountCheck));

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

/// <summary>
/// Ends the session of a deactivated account at its next request: one primary-key lookup per
/// request, so a coordinator's "deactivate" needs no waiting on a shared PC.
/// </summary>
public sealed class ActiveAccountCheck(HelpDeskDbContext db) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var active = userId is not null && await db.Users.AnyAsync(u => u.Id == userId && u.IsActive);
        if (!active)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        // Identity's own check (security stamp) still runs.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
