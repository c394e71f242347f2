using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Documents;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Places;
using HelpDesk.Domain.Procedures;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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
    public DbSet<PointAssignment> PointAssignments => Set<PointAssignment>();
    public DbSet<Shift> Shifts => Set<Shift>();
    public DbSet<QueueTicket> QueueTickets => Set<QueueTicket>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<DossierDraft> DossierDrafts => Set<DossierDraft>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<ResidentNameToken> ResidentNameTokens => Set<ResidentNameToken>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<ConsentEvidence> ConsentEvidence => Set<ConsentEvidence>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ResidentActivation> ResidentActivations => Set<ResidentActivation>();
    public DbSet<ScannedPage> ScannedPages => Set<ScannedPage>();
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<DossierTransition> DossierTransitions => Set<DossierTransition>();
    public DbSet<DossierReminder> DossierReminders => Set<DossierReminder>();

    private SensitiveData? _sensitive;

    /// <summary>The app's encryption for sensitive columns (see <see cref="SensitiveModelCacheKeyFactory"/>).</summary>
    internal SensitiveData Sensitive => _sensitive ??=
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<SensitiveData>()
        ?? SensitiveData.DesignTime;

    // Identity reads its schema version (3 adds the passkeys table) from IdentityOptions in the
    // application's services, so a context must always come from a service provider that sets
    // it: the app's own, or DesignTimeContexts for tooling and tests.

    /// <summary>A string dictionary as one encrypted JSON text column; an empty column (added by a migration to old rows) reads as empty.</summary>
    private static ValueConverter<IReadOnlyDictionary<string, string>, string> EncryptedJson(SensitiveData sensitive) => new(
        values => sensitive.Protect(JsonSerializer.Serialize(values, (JsonSerializerOptions?)null)),
        cipher => cipher.Length == 0 ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(sensitive.Unprotect(cipher), (JsonSerializerOptions?)null) ?? new Dictionary<string, string>());

    /// <summary>A short list of ids (a handful, none containing a line break) kept in one column, one per line.</summary>
    private static void StoreAsLines<TList>(PropertyBuilder<TList> property, Func<List<string>, TList> fromList) where TList : IEnumerable<string> =>
        property.HasMaxLength(2000).HasConversion(
            ids => string.Join('\n', ids),
            text => fromList(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList()),
            new ValueComparer<TList>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, v) => HashCode.Combine(h, v)), l => fromList(l.ToList())));

    private static readonly ValueComparer<IReadOnlyDictionary<string, string>> AnswersComparer = new(
        (a, b) => a == b || (a != null && b != null && a.Count == b.Count && a.All(p => b.ContainsKey(p.Key) && b[p.Key] == p.Value)),
        values => values.OrderBy(p => p.Key, StringComparer.Ordinal).Aggregate(0, (hash, p) => HashCode.Combine(hash, p.Key, p.Value)),
        values => new Dictionary<string, string>(values));

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
            point.Property(p => p.Phone).HasMaxLength(40);
            point.HasIndex(p => p.Code).IsUnique();
            point.HasOne<Ward>().WithMany().HasForeignKey(p => p.WardId).OnDelete(DeleteBehavior.Restrict);
            point.OwnsMany(p => p.Schedule, schedule =>
            {
                schedule.ToJson();
                schedule.Property(s => s.Day).HasConversion<string>();
            });
            point.OwnsMany(p => p.Closures, closures => closures.ToJson());
        });

        builder.Entity<PointAssignment>(assignment =>
        {
            assignment.HasKey(a => new { a.PointId, a.UserId });
            assignment.HasOne<ServicePoint>().WithMany().HasForeignKey(a => a.PointId).OnDelete(DeleteBehavior.Cascade);
            assignment.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Shift>(shift =>
        {
            shift.HasIndex(s => new { s.VolunteerId, s.CheckedOutAt });
            shift.HasIndex(s => new { s.PointId, s.SessionDate });
            shift.HasOne<ServicePoint>().WithMany().HasForeignKey(s => s.PointId).OnDelete(DeleteBehavior.Restrict);
            shift.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.VolunteerId).OnDelete(DeleteBehavior.Restrict);
            shift.Ignore(s => s.Session);
        });

        builder.Entity<QueueTicket>(ticket =>
        {
            // Two desks issuing at the same moment cannot both take the same number.
            ticket.HasIndex(t => new { t.PointId, t.SessionDate, t.SessionOpens, t.Number }).IsUnique();
            ticket.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
            ticket.HasOne<ServicePoint>().WithMany().HasForeignKey(t => t.PointId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Visit>(visit =>
        {
            visit.HasIndex(v => v.ShiftId);
            visit.HasIndex(v => new { v.PointId, v.OpenedAt });
            visit.Property(v => v.Purpose).HasConversion<string>().HasMaxLength(32);
            visit.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(32);
            visit.Property(v => v.Language).HasMaxLength(10);
            visit.HasOne<Shift>().WithMany().HasForeignKey(v => v.ShiftId).OnDelete(DeleteBehavior.Restrict);
            visit.HasOne<QueueTicket>().WithMany().HasForeignKey(v => v.TicketId).OnDelete(DeleteBehavior.Restrict);
            visit.HasOne<Resident>().WithMany().HasForeignKey(v => v.ResidentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DossierDraft>(draft =>
        {
            draft.HasIndex(d => d.VisitId);
            draft.Property(d => d.ProcedureCode).HasMaxLength(16);
            draft.Property(d => d.ResidentLanguage).HasMaxLength(10);
            // One encrypted JSON text column: the keys follow the procedure's form (content, not
            // schema), and the values are personal data, ID numbers included.
            draft.Property(d => d.Answers).HasConversion(EncryptedJson(Sensitive), AnswersComparer);
            draft.Property(d => d.Typed).HasConversion(EncryptedJson(Sensitive), AnswersComparer);
            // A save and a late autosave of the same screen may cross: the autosave must not win.
            draft.Property(d => d.Revision).IsConcurrencyToken();
            draft.HasOne<Visit>().WithMany().HasForeignKey(d => d.VisitId).OnDelete(DeleteBehavior.Restrict);
            draft.HasOne<ServicePoint>().WithMany().HasForeignKey(d => d.PointId).OnDelete(DeleteBehavior.Restrict);
            draft.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ScannedPage>(page =>
        {
            // Numbers are taken inside the adding transaction; two adds at once cannot both take one.
            page.HasIndex(p => new { p.DraftId, p.DocumentId, p.Number }).IsUnique();
            page.Property(p => p.DocumentId).HasMaxLength(64);
            page.Property(p => p.MediaType).HasMaxLength(32);
            page.Property(p => p.Sha256).HasMaxLength(64);
            page.HasOne<DossierDraft>().WithMany().HasForeignKey(p => p.DraftId).OnDelete(DeleteBehavior.Restrict);
            page.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.AddedBy).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Dossier>(dossier =>
        {
            var sensitive = Sensitive;
            // Numbers are allocated inside the submitting transaction; two desks taking one number
            // at once cannot both commit. One dossier per draft, however often "submit" is pressed.
            dossier.HasIndex(d => d.Number).IsUnique();
            dossier.HasIndex(d => d.TrackingCodeHash).IsUnique();
            dossier.HasIndex(d => d.DraftId).IsUnique();
            dossier.HasIndex(d => new { d.PointId, d.SubmittedAt });
            dossier.HasIndex(d => d.Status);
            dossier.HasIndex(d => d.ResidentId);
            dossier.Property(d => d.Number).HasMaxLength(40);
            dossier.Property(d => d.TrackingCodeHash).HasMaxLength(64);
            // The slip can be reprinted with the same code, but a copy of the database alone cannot track anything.
            dossier.Property(d => d.TrackingCodeCompact).HasColumnName("TrackingCode")
                .HasConversion(plain => sensitive.Protect(plain), cipher => sensitive.Unprotect(cipher));
            dossier.Property(d => d.ProcedureCode).HasMaxLength(16);
            dossier.Property(d => d.FiledBy).HasMaxLength(64);
            dossier.Property(d => d.AssignedTo).HasMaxLength(64);
            dossier.Property(d => d.ResidentLanguage).HasMaxLength(10);
            dossier.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            dossier.Property(d => d.Timeliness).HasConversion<string>().HasMaxLength(10);
            dossier.Property(d => d.Answers).HasConversion(EncryptedJson(Sensitive), AnswersComparer);
            StoreAsLines(dossier.Property(d => d.RequestedDocuments), ids => ids);
            // Saving checks the version read: an officer acting on a dossier someone changed meanwhile is told so.
            dossier.Property(d => d.Version).IsConcurrencyToken();
            dossier.Ignore(d => d.IsFinal);
            dossier.HasMany(d => d.Transitions).WithOne().HasForeignKey("DossierId").IsRequired().OnDelete(DeleteBehavior.Cascade);
            dossier.Navigation(d => d.Transitions).HasField("_transitions").UsePropertyAccessMode(PropertyAccessMode.Field);
            dossier.HasOne<DossierDraft>().WithMany().HasForeignKey(d => d.DraftId).OnDelete(DeleteBehavior.Restrict);
            dossier.HasOne<Resident>().WithMany().HasForeignKey(d => d.ResidentId).OnDelete(DeleteBehavior.Restrict);
            dossier.HasOne<ServicePoint>().WithMany().HasForeignKey(d => d.PointId).OnDelete(DeleteBehavior.Restrict);
            dossier.HasOne<Consent>().WithMany().HasForeignKey(d => d.ConsentId).OnDelete(DeleteBehavior.Restrict);
            dossier.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.FiledBy).OnDelete(DeleteBehavior.Restrict);
            dossier.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.AssignedTo).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DossierReminder>(reminder =>
        {
            // The claim: a second instance's insert for the same dossier and due date fails here, and it skips that one.
            reminder.HasIndex(r => new { r.DossierId, r.DueDate }).IsUnique();
            reminder.Property(r => r.OfficerId).HasMaxLength(64);
            reminder.HasOne<Dossier>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Cascade);
            reminder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.OfficerId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DossierTransition>(transition =>
        {
            // Its own table, in the order written: the audit pages read a dossier's history from it.
            transition.Property<long>("Id");
            transition.HasKey("Id");
            transition.HasIndex("DossierId", "Id");
            transition.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
            transition.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
            transition.Property(t => t.By).HasMaxLength(64);
            transition.Property(t => t.Role).HasMaxLength(32);
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

        builder.Entity<AppSecret>(secret =>
        {
            secret.HasKey(s => s.Name);
            secret.Property(s => s.Name).HasMaxLength(64);
        });

        builder.Entity<Resident>(resident =>
        {
            var sensitive = Sensitive;
            resident.Property(r => r.FullName).HasMaxLength(200);
            resident.Property(r => r.ChineseName).HasMaxLength(100);
            resident.Property(r => r.SearchName).HasMaxLength(200);
            resident.Property(r => r.Sex).HasConversion<string>().HasMaxLength(8);
            resident.Property(r => r.Phone).HasMaxLength(10);
            resident.Property(r => r.PreferredLanguage).HasMaxLength(10);
            resident.Property(r => r.Email).HasMaxLength(254);
            resident.Property(r => r.Street).HasMaxLength(Resident.MaxAddressLength);
            resident.Property(r => r.WardName).HasMaxLength(Resident.MaxAddressLength);
            resident.Property(r => r.Province).HasMaxLength(Resident.MaxAddressLength);
            resident.Property(r => r.LegacyAddress).HasMaxLength(Resident.MaxAddressLength);
            resident.HasIndex(r => r.AccountUserId).IsUnique();
            resident.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AccountUserId).OnDelete(DeleteBehavior.Restrict);
            // Encrypted at rest; found only through the keyed hash below.
            resident.Property(r => r.PersonalIdNumber).HasConversion(
                plain => plain == null ? null : sensitive.Protect(plain),
                cipher => cipher == null ? null : sensitive.Unprotect(cipher));
            resident.Property(r => r.PersonalIdLookup).HasMaxLength(64);
            resident.HasIndex(r => r.PersonalIdLookup).IsUnique();
            // Also gives the result order, so no planner prefers the name index for a phone search.
            resident.HasIndex(r => new { r.WardId, r.Phone, r.SearchName });
            resident.HasIndex(r => new { r.WardId, r.SearchName, r.DateOfBirth });
            resident.HasOne<Ward>().WithMany().HasForeignKey(r => r.WardId).OnDelete(DeleteBehavior.Restrict);
            resident.HasMany(r => r.NameTokens).WithOne().HasForeignKey(t => t.ResidentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Consent>(consent =>
        {
            consent.HasIndex(c => c.ResidentId);
            consent.HasIndex(c => c.VerificationCode).IsUnique();
            consent.Property(c => c.VerificationCode).HasMaxLength(16);
            consent.Property(c => c.Method).HasConversion<string>().HasMaxLength(16);
            consent.Property(c => c.TextVersion).HasMaxLength(16);
            consent.Property(c => c.TextHash).HasMaxLength(64);
            consent.Property(c => c.ExplanationLanguage).HasMaxLength(10);
            consent.Property(c => c.DurationId).HasMaxLength(32);
            // A handful of short ids ("keep-scans", "file-procedure:1.001193"), read whole with the consent.
            StoreAsLines(consent.Property<List<string>>("_scopes").HasColumnName("Scopes"), ids => ids);
            consent.Ignore(c => c.Scopes);
            consent.Ignore(c => c.Purposes);
            consent.Ignore(c => c.ProcedureCodes);
            consent.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Restrict);
            consent.HasOne<ServicePoint>().WithMany().HasForeignKey(c => c.PointId).OnDelete(DeleteBehavior.Restrict);
            consent.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.VolunteerId).OnDelete(DeleteBehavior.Restrict);
            consent.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.WitnessId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ConsentEvidence>(evidence =>
        {
            var sensitive = Sensitive;
            evidence.HasKey(e => e.ConsentId);
            evidence.Property(e => e.ContentType).HasMaxLength(32);
            // A signature or a thumbprint identifies a person: encrypted at rest like ID numbers.
            evidence.Property(e => e.Content).HasConversion(plain => sensitive.Protect(plain), cipher => sensitive.Unprotect(cipher));
            evidence.HasOne<Consent>().WithOne().HasForeignKey<ConsentEvidence>(e => e.ConsentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ResidentActivation>(activation =>
        {
            activation.HasIndex(a => a.SecretHash).IsUnique();
            activation.HasIndex(a => a.CodeHash);
            activation.HasIndex(a => a.ResidentId);
            activation.Property(a => a.SecretHash).HasMaxLength(64);
            activation.Property(a => a.CodeHash).HasMaxLength(64);
            activation.HasOne<Resident>().WithMany().HasForeignKey(a => a.ResidentId).OnDelete(DeleteBehavior.Restrict);
            activation.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
            activation.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.IssuedByUserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEvent>(audit =>
        {
            // The chain's order is ours (previous + 1), never the database's.
            audit.HasKey(e => e.Sequence);
            audit.Property(e => e.Sequence).ValueGeneratedNever();
            audit.HasIndex(e => new { e.ResidentId, e.Sequence });
            audit.HasIndex(e => new { e.UserId, e.Sequence });
            // The audit page's filter by action, newest first, without walking the whole chain.
            audit.HasIndex(e => new { e.Action, e.Sequence });
            audit.Property(e => e.UserId).HasMaxLength(64);
            audit.Property(e => e.Action).HasMaxLength(40);
            audit.Property(e => e.Subject).HasMaxLength(80);
            audit.Property(e => e.Detail).HasMaxLength(100);
            audit.Property(e => e.PreviousHash).HasMaxLength(64);
            audit.Property(e => e.Hash).HasMaxLength(64);
        });

        builder.Entity<ResidentNameToken>(token =>
        {
            token.HasKey(t => new { t.Token, t.ResidentId });
            token.Property(t => t.Token).HasMaxLength(50);
            token.Property(t => t.SearchName).HasMaxLength(200);
            token.HasIndex(t => t.ResidentId);
            // One word of one ward in display order: a name search stops after a page of matches,
            // and checks the other words without leaving the index.
            token.HasIndex(t => new { t.WardId, t.Token, t.SearchName, t.DateOfBirth, t.ResidentId });
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
public sealed class PostgresHelpDeskDbContext(DbContextOptions<PostgresHelpDeskDbContext> options) : HelpDeskDbContext(options)
{
    // Folded names are compared as byte ranges ("starts with" in ResidentRegister); a language
    // collation would order spaces differently and break that.
    protected override void ConfigureProvider(ModelBuilder builder)
    {
        builder.Entity<Resident>().Property(r => r.SearchName).UseCollation("C");
        builder.Entity<ResidentNameToken>().Property(t => t.SearchName).UseCollation("C");
        builder.Entity<ResidentNameToken>().Property(t => t.Token).UseCollation("C");
    }
}

/// <summary>An ASP.NET Core data-protection key, stored in the database when running on PostgreSQL.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}
