using System.Diagnostics;
using HelpDesk.Domain.People;
using HelpDesk.Web.Residents;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Benchmarks.ResidentSearch;

/// <summary>What a volunteer types for one kind of search, made from a seeded person, and whether the answer contains them.</summary>
public sealed record QueryKind(
    string Name,
    Func<Person, bool> Applies,
    Func<Person, Random, string> Typed,
    Func<Person, IReadOnlyList<Resident>, bool> Found);

public sealed record KindResult(string Kind, int Queries, double MedianMs, double P95Ms, double MaxMs, double AverageResults, double FoundShare, bool StoppedByBudget);

/// <summary>
/// Times <see cref="ResidentRegister.SearchAsync"/> as the desk page calls it: one query per
/// request scope (a fresh DbContext), queries drawn from the people that were seeded.
/// </summary>
public static class SearchBenchmark
{
    private const int WarmUpPerKind = 10;
    private const int QuerySeed = 7;
    private static readonly HashSet<string> CommonFamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm"];

    public static readonly IReadOnlyList<QueryKind> Kinds =
    [
        new("full name, no diacritics",
            _ => true,
            (person, _) => NameFolding.Fold(person.Details.FullName),
            (person, found) => found.Any(r => r.FullName == person.Details.FullName)),
        // "nguyen thi h": everything but the given name, then its first one or two letters.
        new("family name + given prefix",
            person => CommonFamilyNames.Contains(person.FamilyName),
            (person, random) =>
            {
                var words = NameFolding.Tokens(person.Details.FullName);
                var given = words[^1];
                return string.Join(' ', words.Take(words.Count - 1)) + " " + given[..Math.Min(given.Length, random.Next(1, 3))];
            },
            (_, found) => found.Count > 0),
        // "bao nguyen": the given name first, then the family name, as some people say it.
        new("words in another order",
            _ => true,
            (person, _) => GivenName(person) + " " + NameFolding.Fold(person.FamilyName),
            (_, found) => found.Count > 0),
        // "bao": all a volunteer remembers or hears.
        new("given name alone",
            _ => true,
            (person, _) => GivenName(person),
            (_, found) => found.Count > 0),
        new("phone number",
            person => person.Details.Phone is not null,
            (person, _) => person.Details.Phone!,
            (person, found) => found.Any(r => r.Phone == person.Details.Phone)),
        new("personal ID number",
            person => person.Details.PersonalIdNumber is not null,
            (person, _) => person.Details.PersonalIdNumber!,
            (person, found) => found.Any(r => r.PersonalIdNumber == person.Details.PersonalIdNumber)),
    ];

    private static string GivenName(Person person) => NameFolding.Tokens(person.Details.FullName)[^1];

    /// <summary>
    /// Runs <paramref name="queries"/> timed searches of each kind, fewer when a kind has used up
    /// <paramref name="budget"/>: a slow plan (seconds per query) would otherwise take an hour.
    /// </summary>
    public static async Task<IReadOnlyList<KindResult>> RunAsync(IServiceProvider services, Guid wardId, IReadOnlyList<Person> samples, int queries, TimeSpan budget)
    {
        // The same random draw on every database, so their figures compare the same queries.
        var random = new Random(QuerySeed);
        var results = new List<KindResult>();
        foreach (var kind in Kinds)
        {
            var candidates = samples.Where(kind.Applies).ToList();
            var people = Enumerable.Range(0, WarmUpPerKind + queries).Select(_ => candidates[random.Next(candidates.Count)]).ToList();
            var typed = people.Select(p => kind.Typed(p, random)).ToList();

            // Warm-up: JIT, EF query compilation, connection pool, database cache; not counted.
            for (var i = 0; i < WarmUpPerKind; i++)
                await SearchAsync(services, wardId, typed[i]);

            var times = new List<double>();
            var resultCounts = new List<int>();
            var found = 0;
            var spent = Stopwatch.StartNew();
            for (var i = WarmUpPerKind; i < people.Count && spent.Elapsed < budget; i++)
            {
                var (elapsed, answer) = await SearchAsync(services, wardId, typed[i]);
                times.Add(elapsed.TotalMilliseconds);
                resultCounts.Add(answer.Count);
                if (kind.Found(people[i], answer)) found++;
            }
            times.Sort();
            results.Add(new KindResult(kind.Name, times.Count, Median(times), Percentile(times, 0.95), times[^1],
                resultCounts.Average(), (double)found / times.Count, times.Count < queries));
        }
        return results;
    }

    /// <summary>One search in its own scope, as one request of the desk page; only the search itself is timed.</summary>
    private static async Task<(TimeSpan Elapsed, IReadOnlyList<Resident> Found)> SearchAsync(IServiceProvider services, Guid wardId, string query)
    {
        using var scope = services.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<ResidentRegister>();
        var stopwatch = Stopwatch.StartNew();
        var found = await register.SearchAsync(wardId, query);
        stopwatch.Stop();
        return (stopwatch.Elapsed, found);
    }

    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>Nearest-rank percentile: the smallest time that at least this share of queries did not exceed.</summary>
    private static double Percentile(IReadOnlyList<double> sorted, double share) =>
        sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
