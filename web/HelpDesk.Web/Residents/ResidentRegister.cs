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
        var after = typed[..^1] + (char)(typed[^1] + 1);
        var inOrder = await residents
            .Where(r => string.Compare(r.SearchName, typed) >= 0 && string.Compare(r.SearchName, after) < 0)
            .OrderBy(r => r.SearchName).ThenBy(r => r.DateOfBirth).Take(MaxResults).ToListAsync();
        if (inOrder.Count > 0) return inOrder;

        // Nothing in name order: the words may be in another order ("bao nguyen") or a given name alone.
        foreach (var whole in tokens.Take(tokens.Count - 1))
            residents = residents.Where(r => db.ResidentNameTokens.Any(t => t.ResidentId == r.Id && t.Token == whole));
        var last = tokens[^1];
        residents = residents.Where(r => db.ResidentNameTokens.Any(t => t.ResidentId == r.Id && t.Token.StartsWith(last)));
        return await residents.OrderBy(r => r.SearchName).ThenBy(r => r.DateOfBirth).Take(MaxResults).ToListAsync();
    }

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
