using System.Runtime.CompilerServices;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace HelpDesk.Web.Dossiers;

/// <summary>What the public tracking page may know of a dossier: nothing about the person.</summary>
/// <remarks><see cref="RequestedDocuments"/>: ids of the procedure's papers the ward asked for (never the officer's own words, which may name people).</remarks>
public sealed record TrackedDossier(
    string Number, string ProcedureCode, DossierStatus Status, DateTimeOffset SubmittedAt, DateOnly? DueDate, IReadOnlyList<string> RequestedDocuments);

/// <summary>Finds a dossier by its tracking code for the public page (<c>/t/{code}</c>).</summary>
public sealed class DossierTracking(HelpDeskDbContext db)
{
    /// <summary>
    /// The lookup, compiled once per model. The public page runs it on every visit, and a LINQ query costs EF as
    /// much again before any SQL (walking the expression, evaluating the hash out of it, finding the cached plan):
    /// compiled, the lookup takes about half the time (docs/benchmarks.md, tracking page). A compiled query serves
    /// one model only, and each app instance has its own (the model holds its data-protection converters; the
    /// tests run many apps in one process), hence one per model, dropped with it.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<HelpDeskDbContext, string, Task<TrackedDossier?>>> ByHash = new();

    /// <summary>
    /// One lookup on the unique hash index, the same work whether the code exists or not, so timing
    /// tells nothing; the projection never reads (or decrypts) the answers.
    /// </summary>
    public Task<TrackedDossier?> FindAsync(TrackingCode code) => ByHash.GetValue(db.Model, _ => Compile())(db, code.LookupHash);

    private static Func<HelpDeskDbContext, string, Task<TrackedDossier?>> Compile() => EF.CompileAsyncQuery(
        (HelpDeskDbContext context, string hash) => context.Dossiers.AsNoTracking().Where(d => d.TrackingCodeHash == hash)
            .Select(d => new TrackedDossier(d.Number, d.ProcedureCode, d.Status, d.SubmittedAt, d.DueDate, d.RequestedDocuments))
            .SingleOrDefault());
}
