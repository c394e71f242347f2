using HelpDesk.Domain.Accounts;
using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Setup;

public static class FirstRunSetup
{
    public static void AddHelpDeskFirstRun(this IServiceCollection services) =>
        services.AddHostedService<FirstCoordinatorLink>();
}

/// <summary>
/// On an empty database, prints a one-time, expiring link that creates the first coordinator.
/// There is no default account and no default password anywhere.
/// </summary>
internal sealed partial class FirstCoordinatorLink(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IServer server,
    IOptions<HelpDeskOptions> options, TimeProvider clock, ILogger<FirstCoordinatorLink> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Wait until Kestrel listens, so the printed link carries the real address.
        lifetime.ApplicationStarted.Register(() => _ = PrintLinkIfNoCoordinatorAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal async Task<string?> PrintLinkIfNoCoordinatorAsync()
    {
        try
        {
            var secret = await IssueSetupInvitationIfNeededAsync();
            if (secret is null) return null;
            var link = $"{BaseUrl()}/join/{secret}";
            LogSetupLink(logger, link, Invitation.SetupLifetime.TotalHours);
            return link;
        }
        catch (Exception exception)
        {
            LogSetupFailed(logger, exception);
            return null;
        }
    }

    private async Task<string?> IssueSetupInvitationIfNeededAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var coordinatorRoleId = await db.Roles.Where(r => r.Name == Roles.Coordinator).Select(r => r.Id).SingleAsync();
        if (await db.UserRoles.AnyAsync(ur => ur.RoleId == coordinatorRoleId)) return null;

        var now = clock.GetUtcNow();
        // Only the newest link works: an older one printed at an earlier start is revoked.
        var earlier = await db.Invitations.Where(i => i.InvitedByUserId == null && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync();
        foreach (var invitation in earlier) invitation.Revoke(now);

        var (setup, secret) = Invitation.IssueFirstCoordinatorSetup(now);
        db.Invitations.Add(setup);
        await db.SaveChangesAsync();
        return secret;
    }

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)) return options.Value.PublicBaseUrl.TrimEnd('/');
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        // Passkeys need a host name, not an IP address: show localhost for loopback and wildcard bindings.
        return address.Replace("://127.0.0.1", "://localhost").Replace("://[::]", "://localhost")
            .Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost").TrimEnd('/');
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No coordinator yet. Create the first coordinator with this one-time link (valid {Hours} hours): {SetupLink}")]
    private static partial void LogSetupLink(ILogger logger, string setupLink, double hours);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not issue the first-coordinator setup link.")]
    private static partial void LogSetupFailed(ILogger logger, Exception exception);
}
