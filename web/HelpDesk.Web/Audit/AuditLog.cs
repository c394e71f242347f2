using HelpDesk.Domain.Audit;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Audit;

/// <summary>
/// Writes audit events onto the hash chain. A change and the events that record it are saved in one
/// transaction, so there is never a change without its record, nor a record of a change that failed.
/// </summary>
public sealed class AuditLog(HelpDeskDbContext db, TimeProvider clock)
{
    /// <summary>Any number, the same for every instance: the lock that keeps the chain in one line on PostgreSQL.</summary>
    private const long ChainLock = 0x4844_4155_4449_54;

    /// <summary>
    /// Saves the context's pending changes (if any) together with <paramref name="entries"/>, each
    /// chained onto the last event. Joins the caller's transaction when there is one.
    /// </summary>
    public async Task SaveAsync(params AuditEntry[] entries)
    {
        var own = db.Database.CurrentTransaction is null;
        // On SQLite a transaction takes the write lock at its start (BEGIN IMMEDIATE), so writers queue;
        // on PostgreSQL an advisory lock does the same for every app instance.
        await using var transaction = own ? await db.Database.BeginTransactionAsync() : null;
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", ChainLock);
        var last = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync();
        var now = clock.GetUtcNow();
        foreach (var entry in entries)
        {
            last = AuditEvent.Next(last, entry, now);
            db.AuditEvents.Add(last);
        }
        await db.SaveChangesAsync();
        if (transaction is not null) await transaction.CommitAsync();
    }

    /// <summary>Reads the whole chain in order; returns the sequence of the first event that no longer matches, or null when intact.</summary>
    public async Task<long?> FirstBrokenAsync() => (await CheckChainAsync()).FirstBroken;

    /// <summary>
    /// Reads the whole chain in order, every ward's events included (they form one chain), up to the first event that
    /// no longer matches; and, when <paramref name="noted"/> is given, checks the chain against that entry noted outside.
    /// </summary>
    public async Task<ChainCheck> CheckChainAsync(AuditAnchor? noted = null)
    {
        var previous = AuditEvent.Genesis;
        var expected = 1L;
        string? hashAtNoted = null;
        await foreach (var entry in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable())
        {
            // A missing sequence number is a deleted event.
            if (entry.Sequence != expected || !entry.IsIntactAfter(previous))
                return new ChainCheck(expected - 1, expected, null, Compare(noted, hashAtNoted, brokenBefore: true));
            if (entry.Sequence == noted?.Sequence) hashAtNoted = entry.Hash;
            previous = entry.Hash;
            expected++;
        }
        var last = expected - 1;
        return new ChainCheck(last, null, last == 0 ? null : AuditAnchor.Of(last, previous), Compare(noted, hashAtNoted, brokenBefore: false));
    }

    /// <summary>The noted entry against the hash found at its number (null when the walk never reached it).</summary>
    private static AnchorCheck? Compare(AuditAnchor? noted, string? hashAtNoted, bool brokenBefore) =>
        noted is null ? null
        : hashAtNoted is not null ? (noted.Matches(hashAtNoted) ? AnchorCheck.Confirmed : AnchorCheck.Differs)
        : brokenBefore ? AnchorCheck.BrokenBefore : AnchorCheck.Missing;
}

/// <summary>
/// What a walk along the chain found: events 1 to <see cref="IntactThrough"/> check out; <see cref="FirstBroken"/> was
/// changed or deleted (null when none); <see cref="Head"/> is the last event's anchor to note down when the chain is
/// intact; <see cref="Anchor"/> is how the chain compares with an entry noted earlier, when one was given.
/// </summary>
public sealed record ChainCheck(long IntactThrough, long? FirstBroken, AuditAnchor? Head = null, AnchorCheck? Anchor = null)
{
    public bool IsIntact => FirstBroken is null;
}
