using System.Security.Cryptography;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Documents;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Documents;

/// <summary>
/// Adds, shows and removes the scanned pages of a dossier. Every add, view and removal is on the
/// audit chain; a page and its file are written as one unit (see <see cref="ScanStore"/>).
/// Callers decide who may do it (the filing pages for volunteers, <see cref="StaffMaySeeAsync"/> for staff).
/// </summary>
public sealed class Scans(HelpDeskDbContext db, ScanStore store, AuditLog audit, IOptions<HelpDeskOptions> options, TimeProvider clock)
{
    public HelpDeskOptions.UploadOptions Limits => options.Value.Uploads;

    /// <summary>The pages of a draft, by document and then in order.</summary>
    public async Task<IReadOnlyList<ScannedPage>> OfDraftAsync(Guid draftId) =>
        await db.ScannedPages.AsNoTracking().Where(p => p.DraftId == draftId)
            .OrderBy(p => p.DocumentId).ThenBy(p => p.Number).ToListAsync();

    /// <summary>
    /// Checks <paramref name="content"/> and adds it as the next page of <paramref name="document"/>.
    /// Throws <see cref="Domain.DomainException"/> when it is refused; then nothing is stored.
    /// </summary>
    public async Task<ScannedPage> AddAsync(DossierDraft draft, RequiredDocument document, byte[] content, string userId, Guid? residentId)
    {
        var file = UploadInspection.Inspect(content, Limits.ToLimits());
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var staged = await store.StageAsync(content);
        ScannedPage? page = null;
        try
        {
            // Joins the caller's transaction when there is one (the demo seeder files everything in one).
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
            // SQLite's transaction already holds the write lock; PostgreSQL locks the draft's row, so two
            // pages added at once to one paper take numbers one after the other.
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"DossierDrafts\" WHERE \"Id\" = {draft.Id} FOR UPDATE");
            var pagesSoFar = await db.ScannedPages.Where(p => p.DraftId == draft.Id && p.DocumentId == document.Id)
                .Select(p => p.Number).ToListAsync();
            page = ScannedPage.Add(draft, document, file, content.Length, sha256, pagesSoFar, Limits.MaxPagesPerDocument, userId, clock.GetUtcNow());
            db.ScannedPages.Add(page);
            await audit.SaveAsync(new AuditEntry(AuditActions.ScanAdded, userId, residentId, Subject(page), draft.PointId,
                $"{document.Id}:{file.MediaType}:{content.Length}"));
            store.Place(staged, page.Id);
            if (transaction is not null) await transaction.CommitAsync();
            return page;
        }
        catch
        {
            store.Discard(staged, page?.Id);
            if (page is not null) db.Entry(page).State = EntityState.Detached;
            throw;
        }
    }

    /// <summary>The content of <paramref name="page"/>, after recording that <paramref name="userId"/> viewed it.</summary>
    public async Task<byte[]> ReadAsync(ScannedPage page, string userId, Guid? residentId, Guid pointId)
    {
        await audit.SaveAsync(new AuditEntry(AuditActions.ScanViewed, userId, residentId, Subject(page), pointId, page.DocumentId));
        var content = await store.ReadAsync(page.Id);
        // Authenticated encryption already refuses an altered file; this also catches one swapped for another page's.
        if (Convert.ToHexStringLower(SHA256.HashData(content)) != page.Sha256)
            throw new InvalidDataException($"The stored file of scan {page.Id} does not match its record.");
        return content;
    }

    /// <summary>Removes a page: the row (with its audit record) first, then the file.</summary>
    public async Task RemoveAsync(ScannedPage page, string userId, Guid? residentId, Guid pointId)
    {
        db.ScannedPages.Remove(page);
        await audit.SaveAsync(new AuditEntry(AuditActions.ScanRemoved, userId, residentId, Subject(page), pointId, page.DocumentId));
        // A crash before this line leaves a file without a row, which the sweeper deletes.
        store.Delete(page.Id);
    }

    /// <summary>
    /// Ward staff see the scans of dossiers filed at the points of their own ward; nobody sees another ward's.
    /// </summary>
    public async Task<bool> StaffMaySeeAsync(ScannedPage page, System.Security.Claims.ClaimsPrincipal user)
    {
        if (!(user.IsInRole(Roles.WardStaff) || user.IsInRole(Roles.Leader)) || user.WardId() is not { } wardId) return false;
        return await db.DossierDrafts.AnyAsync(d => d.Id == page.DraftId
            && db.ServicePoints.Any(p => p.Id == d.PointId && p.WardId == wardId));
    }

    /// <summary>How long a file may sit without a row before it counts as left by a crash.</summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromHours(1);

    /// <summary>Deletes files that no row knows (left by a crash between placing a file and committing its row); returns how many.</summary>
    public async Task<int> SweepOrphansAsync(TimeSpan grace)
    {
        // Files age on the real clock, whatever the app's clock says.
        var (placed, staged) = store.OrphansOlderThan(DateTime.UtcNow - grace);
        foreach (var path in staged) File.Delete(path);
        var removed = staged.Count;
        foreach (var chunk in placed.Chunk(500))
        {
            var known = await db.ScannedPages.Where(p => chunk.Contains(p.Id)).Select(p => p.Id).ToListAsync();
            foreach (var id in chunk.Except(known))
            {
                store.Delete(id);
                removed++;
            }
        }
        return removed;
    }

    private static string Subject(ScannedPage page) => $"scan:{page.Id}";
}

/// <summary>Deletes files left by a crash: soon after start, then every hour.</summary>
public sealed partial class ScanSweeper(IServiceScopeFactory scopes, ILogger<ScanSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var removed = await scope.ServiceProvider.GetRequiredService<Scans>().SweepOrphansAsync(Scans.OrphanGrace);
                if (removed > 0) LogRemoved(logger, removed);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} scan files that no record knows (left by an interrupted upload or removal).")]
    private static partial void LogRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping the document store failed; will retry.")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
