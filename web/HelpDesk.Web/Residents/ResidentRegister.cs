using HelpDesk.Domain;
using HelpDesk.Domain.People;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpDesk.Web.Residents;

/// <summary>Finds residents of a ward by name (without diacritics), phone or personal ID number, and registers new ones.</summary>
public sealed class ResidentRegister(HelpDeskDbContext db, PersonalIdLookup lookup, TimeProvider clock)
{
    public const int MaxResults = 20;

    /// <summary>
    /// Searches what a volunteer typed: a 9- or 12-digit ID number, a phone number, or a name. Name
    /// words must all match; the last may be unfinished ("nguyen van b" finds "Nguyễn Văn Bảo").
    /// </summary>
    public async Task<IReadOnlyList<Resident>> SearchAsync(Guid wardId, string query)
    {
        var residents = db.Residents.Where(r => r.WardId == wardId);
        var compact = new string(query.Where(c => !char.IsWhiteSpace(c) && c != '.').ToArray());
        if (PersonalIdNumber.TryParse(compact, out var id, out _))
        {
            var hash = (await lookup.HasherAsync())(id!.Value);
            return await residents.Where(r => r.PersonalIdLookup == hash).ToListAsync();
        }
        if (PhoneNumber.Normalize(query) is { } phone)
            return await residents.Where(r => r.Phone == phone).OrderBy(r => r.SearchName).Take(MaxResults).ToListAsync();

        var tokens = NameFolding.Tokens(query);
        if (tokens.Count == 0) return [];

        // Typed in name order, as read from an ID card ("nguyen van b"): a range of the
        // (WardId, SearchName, DateOfBirth) index, already in display order — milliseconds among
        // 500,000 (docs/benchmarks.md). A range rather than StartsWith, whose LIKE cannot use it.
        var typed = NameFolding.Fold(query);
        var after = JustAfter(typed);
        var inOrder = await residents
            .Where(r => string.Compare(r.SearchName, typed) >= 0 && string.Compare(r.SearchName, after) < 0)
            .OrderBy(r => r.SearchName).ThenBy(r => r.DateOfBirth).Take(MaxResults).ToListAsync();
        if (inOrder.Count > 0) return inOrder;

        // Nothing in name order: the words may be in another order ("bao nguyen") or a given name alone.
        return await ByWordsAsync(wardId, tokens);
    }

    /// <summary>Enough rows of one word to tell a rare word from a common one, few enough to count in a millisecond.</summary>
    private const int Plenty = 1_000;

    /// <summary>
    /// Every word before the last whole, the last as a prefix, in any order. Driven from the ward's
    /// token index by its rarest word: walking the ward in name order and probing each resident's
    /// words took seconds among 500,000 (docs/benchmarks.md).
    /// </summary>
    private async Task<IReadOnlyList<Resident>> ByWordsAsync(Guid wardId, IReadOnlyList<string> tokens)
    {
        var whole = tokens.Take(tokens.Count - 1).ToList();
        var last = tokens[^1];
        // A whole word wins ties: its rows are already in display order, so the walk stops after a
        // page, while a prefix's rows (several words) have to be sorted first.
        var candidates = whole.Select(w => (Word: w, Whole: true)).OrderByDescending(c => c.Word.Length).Append((Word: last, Whole: false)).ToList();
        var driver = candidates[0];
        if (candidates.Count > 1)
        {
            var counts = new List<int>();
            foreach (var (word, isWhole) in candidates)
                counts.Add(await WithWord(wardId, word, isWhole).Take(Plenty).CountAsync());
            if (counts.Min() == 0) return [];
            driver = candidates[counts.IndexOf(counts.Min())];
        }

        var matches = WithWord(wardId, driver.Word, driver.Whole);
        // The other words are checked on the folded name the index row carries, not by more lookups.
        foreach (var word in whole.Where(w => !driver.Whole || w != driver.Word))
        {
            var needle = $" {word} ";
            matches = matches.Where(t => (" " + t.SearchName + " ").Contains(needle));
        }
        if (driver.Whole)
        {
            var start = $" {last}";
            matches = matches.Where(t => (" " + t.SearchName).Contains(start));
        }
        var ordered = matches.OrderBy(t => t.SearchName).ThenBy(t => t.DateOfBirth).Select(t => t.ResidentId);

        // A prefix can match two words of one name ("hoa": Nguyễn Hoàng Hoa): ask for more rows when
        // such repeats leave the page short.
        List<Guid> ids;
        for (var limit = MaxResults; ; limit *= 4)
        {
            var rows = await ordered.Take(limit).ToListAsync();
            ids = rows.Distinct().Take(MaxResults).ToList();
            if (ids.Count == MaxResults || rows.Count < limit) break;
        }
        var residents = await db.Residents.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
        return ids.Select(id => residents[id]).ToList();
    }

    /// <summary>The ward's name tokens equal to the word or, for a prefix, starting with it (a range: LIKE could not use the index).</summary>
    private IQueryable<ResidentNameToken> WithWord(Guid wardId, string word, bool whole)
    {
        var tokens = db.ResidentNameTokens.Where(t => t.WardId == wardId);
        if (whole) return tokens.Where(t => t.Token == word);
        var after = JustAfter(word);
        return tokens.Where(t => string.Compare(t.Token, word) >= 0 && string.Compare(t.Token, after) < 0);
    }

    /// <summary>The first text after every text that starts with <paramref name="prefix"/>.</summary>
    private static string JustAfter(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>How <see cref="SearchAsync"/> reads a query: "id", "phone" or "name" (for the audit log, which keeps no query).</summary>
    public static string KindOf(string query)
    {
        var compact = new string(query.Where(c => !char.IsWhiteSpace(c) && c != '.').ToArray());
        return PersonalIdNumber.TryParse(compact, out _, out _) ? "id" : PhoneNumber.Normalize(query) is not null ? "phone" : "name";
    }

    /// <summary>Residents that look like the one about to be registered (same name and birth date).</summary>
    public async Task<IReadOnlyList<Resident>> SimilarAsync(Guid wardId, string fullName, DateOnly dateOfBirth)
    {
        var folded = NameFolding.Fold(fullName);
        return await db.Residents.Where(r => r.WardId == wardId && r.SearchName == folded && r.DateOfBirth == dateOfBirth).ToListAsync();
    }

    /// <summary>Registers a resident (added to the context, not saved); the same ID number cannot be registered twice.</summary>
    public async Task<Resident> RegisterAsync(ResidentDetails details, Guid wardId, string userId)
    {
        var resident = Resident.Register(details, await lookup.HasherAsync(), wardId, userId, clock.GetUtcNow());
        if (resident.PersonalIdLookup is { } hash && await db.Residents.AnyAsync(r => r.PersonalIdLookup == hash))
            throw new DomainException(ErrorCodes.ResidentIdTaken);
        db.Residents.Add(resident);
        return resident;
    }
}
