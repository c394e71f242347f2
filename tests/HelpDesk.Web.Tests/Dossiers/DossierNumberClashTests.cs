using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Testing;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Dossiers;

/// <summary>
/// Two desks of one point submit at the same moment: the second desk commits the number the first one had
/// just read as free. The first submission hits the unique number, starts again from what is stored and
/// takes the next number; nothing of its failed attempt stays behind.
/// </summary>
public abstract partial class DossierNumberClashTests(DatabaseProviderChoice choice)
{
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    /// <summary>
    /// Once armed, lets another desk's whole submission run and commit right after the next read of the day's
    /// last number (so that read is already stale when the desk that made it writes); counts those reads and
    /// keeps the failures of every command. At the read, not when the dossier is saved: by then the submission
    /// holds the audit chain's advisory lock, and the other desk's submission would wait for it until its command
    /// timed out.
    /// </summary>
    private sealed partial class AnotherDeskInBetween : DbCommandInterceptor
    {
        private Func<Task>? _otherDesk;
        private int _sequenceReads;
        private readonly List<string> _failures = [];

        public int SequenceReads => Volatile.Read(ref _sequenceReads);
        public bool HasRun => Volatile.Read(ref _otherDesk) is null;

        public IReadOnlyList<string> Failures
        {
            get { lock (_failures) return [.. _failures]; }
        }

        public void Arm(Func<Task> otherDesk) => Volatile.Write(ref _otherDesk, otherDesk);

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
            DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (LastSequenceQuery().IsMatch(command.CommandText))
            {
                Interlocked.Increment(ref _sequenceReads);
                // Disarmed before it runs: the other desk reads the last number through here too.
                if (Interlocked.Exchange(ref _otherDesk, null) is { } otherDesk) await otherDesk();
            }
            return result;
        }

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            lock (_failures) _failures.Add(eventData.Exception.Message);
            return Task.CompletedTask;
        }

        /// <summary>DossierFiling's read of the highest number given today at the point.</summary>
        [GeneratedRegex(@"^SELECT max\(""?\w+""?\.""Number""\)\s+FROM ""Dossiers""", RegexOptions.IgnoreCase)]
        private static partial Regex LastSequenceQuery();
    }

    /// <summary>A volunteer checked in at the point with a visit of their own, whose resident's birth registration is ready to submit; returns the draft's id.</summary>
    private static async Task<Guid> ReadyDraftAtDeskAsync(HelpDeskApp app, TestAccount volunteer, Guid pointId, string residentName)
    {
        var visitId = await app.OpenVisitAsync(volunteer.UserId, pointId);
        await app.ServeResidentAsync(visitId, residentName);
        await app.GiveConsentAsync(visitId, [ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], FilingFixture.BirthRegistration);
        return await app.ReadyDraftAsync(visitId);
    }

    [Fact]
    public async Task A_number_another_desk_of_the_point_takes_in_between_is_given_up_for_the_next_one()
    {
        var otherDesk = new AnotherDeskInBetween();
        await using var app = new HelpDeskApp(choice.Provider) { ExtraServices = services => services.AddSingleton<IInterceptor>(otherDesk) };
        app.SetClock(During);
        var first = await app.CreateAsync(Roles.Volunteer);
        var second = await app.CreateAsync(Roles.Volunteer);
        var point = await app.CreatePointAsync("TN01", first.UserId, second.UserId);
        var firstDraft = await ReadyDraftAtDeskAsync(app, first, point.Id, "Lâm Văn Phúc");
        var secondDraft = await ReadyDraftAtDeskAsync(app, second, point.Id, "Trương Thị Lan");
        var volunteer = PageClient.For(app);
        await volunteer.SignInAsync(first);
        var (_, review) = await volunteer.GetAsync($"/desk/drafts/{firstDraft}/review");

        // The second desk submits (in its own scope, its own transaction) just after the first read "none yet today".
        otherDesk.Arm(() => app.SubmitDraftAsync(secondDraft));
        var (response, slip) = await volunteer.SubmitAsync(review, "[data-testid=submit-form]");

        // The clash was real: the other desk ran in between, and the first attempt's insert hit the unique number.
        Assert.True(otherDesk.HasRun);
        Assert.Contains("IX_Dossiers_Number", Assert.Single(otherDesk.Failures));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, otherDesk.SequenceReads); // first desk, second desk, first desk again

        var day = VietnamTime.Today(During).ToString("yyMMdd");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
        var dossiers = await db.Dossiers.Include(d => d.Transitions).ToDictionaryAsync(d => d.DraftId);
        Assert.Equal(2, dossiers.Count);
        var mine = dossiers[firstDraft];
        var theirs = dossiers[secondDraft];
        Assert.Equal($"/desk/dossiers/{mine.Id}/slip", new Uri(slip.Url).AbsolutePath);
        Assert.Equal($"TN01-{day}-0002", slip.QuerySelector("[data-testid=slip-number]")?.TextContent.Trim());
        Assert.Equal($"TN01-{day}-0002", mine.Number);
        Assert.Equal($"TN01-{day}-0001", theirs.Number);
        Assert.Equal((first.UserId, second.UserId), (mine.FiledBy, theirs.FiledBy));
        Assert.NotEqual(mine.TrackingCodeHash, theirs.TrackingCodeHash);

        var drafts = await db.DossierDrafts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.DossierId);
        Assert.Equal(mine.Id, drafts[firstDraft]);
        Assert.Equal(theirs.Id, drafts[secondDraft]);

        // One submission event each, naming the number it kept; one first status each; nothing else left behind.
        var submitted = await db.AuditEvents.Where(e => e.Action == AuditActions.DossierSubmitted).ToListAsync();
        Assert.Equal(
            [($"dossier:{theirs.Id}", theirs.Number), ($"dossier:{mine.Id}", mine.Number)],
            submitted.OrderBy(e => e.Sequence).Select(e => (e.Subject, e.Detail)).ToList());
        Assert.Single(mine.Transitions);
        Assert.Single(theirs.Transitions);
        Assert.Equal(2, await db.DossierTransitions.CountAsync());
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AuditLog>().FirstBrokenAsync());
    }
}

// Only on PostgreSQL. On SQLite the clash cannot happen: a transaction there begins with BEGIN IMMEDIATE and so
// holds the database's single write lock from before the last number is read until the commit; another desk's
// submission waits for it. Nor can it be staged: the second desk's submission, started while the first holds the
// lock and waits for it, waits out the busy timeout (30 s) and fails with "database is locked" (tried).
public sealed class DossierNumberClashTestsOnPostgres() : DossierNumberClashTests(DatabaseProviderChoice.Postgres);
