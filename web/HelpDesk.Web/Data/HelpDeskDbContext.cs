using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Places;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Data;

/// <summary>
/// The application's data. Each database provider has its own subclass so that each keeps
/// its own migrations (<see cref="SqliteHelpDeskDbContext"/>, <see cref="PostgresHelpDeskDbContext"/>).
/// </summary>
public abstract class HelpDeskDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Ward> Wards => Set<Ward>();
    public DbSet<ServicePoint> ServicePoints => Set<ServicePoint>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Identity reads its schema version (3 adds the passkeys table) from IdentityOptions in the
    // application's services, so a context must always come from a service provider that sets
    // it: the app's own, or DesignTimeContexts for tooling and tests.

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.PreferredCulture).HasMaxLength(10);
            user.HasOne<Ward>().WithMany().HasForeignKey(u => u.WardId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Ward>(ward =>
        {
            ward.Property(w => w.Name).HasMaxLength(200);
            ward.Property(w => w.Province).HasMaxLength(200);
        });

        builder.Entity<ServicePoint>(point =>
        {
            point.Property(p => p.Code).HasMaxLength(20);
            point.Property(p => p.Name).HasMaxLength(200);
            point.Property(p => p.Address).HasMaxLength(400);
            point.HasIndex(p => p.Code).IsUnique();
            point.HasOne<Ward>().WithMany().HasForeignKey(p => p.WardId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Invitation>(invitation =>
        {
            invitation.Property(i => i.SecretHash).HasMaxLength(64);
            invitation.HasIndex(i => i.SecretHash).IsUnique();
            invitation.Property(i => i.Role).HasMaxLength(32);
            invitation.Property(i => i.DisplayNameHint).HasMaxLength(200);
            // Two people opening the same link at once: only the first acceptance is written.
            invitation.Property(i => i.AcceptedAt).IsConcurrencyToken();
            invitation.HasOne<Ward>().WithMany().HasForeignKey(i => i.WardId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DataProtectionKey>(key =>
        {
            key.Property(k => k.FriendlyName).HasMaxLength(100);
        });

        ConfigureProvider(builder);
    }

    /// <summary>Provider-specific touches, e.g. how time stamps are stored.</summary>
    protected virtual void ConfigureProvider(ModelBuilder builder) { }
}

/// <summary>The embedded default: one file in the data folder.</summary>
public sealed class SqliteHelpDeskDbContext(DbContextOptions<SqliteHelpDeskDbContext> options) : HelpDeskDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite cannot order or compare DateTimeOffset; store ticks-since-epoch in UTC instead.
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

/// <summary>For a ward, a city or a province: several app instances on one PostgreSQL server.</summary>
public sealed class PostgresHelpDeskDbContext(DbContextOptions<PostgresHelpDeskDbContext> options) : HelpDeskDbContext(options);

/// <summary>An ASP.NET Core data-protection key, stored in the database when running on PostgreSQL.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}
