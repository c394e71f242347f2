namespace HelpDesk.Domain.People;

/// <summary>
/// What a volunteer types to register a resident — identity only, enough to find them again and
/// to show the consent in their language; checked by <see cref="Resident.Register"/>.
/// </summary>
public sealed record ResidentDetails(
    string FullName,
    string? ChineseName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? PersonalIdNumber,
    string? Phone,
    string PreferredLanguage);

/// <summary>
/// What is added once the resident has consented: how to reach them, where they live, and how
/// they like to read. Checked by <see cref="Resident.UpdateContact"/>.
/// </summary>
public sealed record ResidentContact(
    string? Phone,
    string? Email,
    string? Street,
    string? WardName,
    string? Province,
    string? LegacyAddress,
    string PreferredLanguage,
    bool LargeText,
    bool ReadAloud);

/// <summary>
/// A person served at the desks. The full name is stored whole, with its diacritics; it is found
/// by its folded words. The personal ID number is sensitive: stored encrypted, found through a
/// keyed hash computed by the caller (<see cref="PersonalIdLookup"/>), shown masked.
/// Ethnicity is never recorded; the preferred language is.
/// </summary>
public sealed class Resident
{
    private readonly List<ResidentNameToken> _nameTokens = [];

    private Resident() { }

    public Guid Id { get; private set; }
    public Guid WardId { get; private set; }
    public string FullName { get; private set; } = "";
    /// <summary>The name in Chinese characters, when the resident has one.</summary>
    public string? ChineseName { get; private set; }
    public DateOnly DateOfBirth { get; private set; }
    public Sex Sex { get; private set; }
    /// <summary>Digits only; encrypted at rest.</summary>
    public string? PersonalIdNumber { get; private set; }
    /// <summary>Keyed hash of the ID number: finds the resident without decrypting anyone.</summary>
    public string? PersonalIdLookup { get; private set; }
    public string? Phone { get; private set; }
    public string PreferredLanguage { get; private set; } = Cultures.Vietnamese;
    public string? Email { get; private set; }
    /// <summary>Address after the 2025 reform: street and house number, ward (or commune), province.</summary>
    public string? Street { get; private set; }
    public string? WardName { get; private set; }
    public string? Province { get; private set; }
    /// <summary>The address as written on older papers (with a district), kept as typed.</summary>
    public string? LegacyAddress { get; private set; }
    /// <summary>Shows screens and printouts for this resident in large text.</summary>
    public bool LargeText { get; private set; }
    /// <summary>Offers to read texts aloud to this resident.</summary>
    public bool ReadAloud { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    /// <summary>The resident's own sign-in account, when one was created at the desk.</summary>
    public string? AccountUserId { get; private set; }
    /// <summary>The folded full name, for display-free comparisons such as duplicate warnings.</summary>
    public string SearchName { get; private set; } = "";
    public IReadOnlyList<ResidentNameToken> NameTokens => _nameTokens;
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedByUserId { get; private set; } = "";

    public string? MaskedPersonalId =>
        PersonalIdNumber is null ? null : People.PersonalIdNumber.TryParse(PersonalIdNumber, out var id, out _) ? id!.Masked : null;

    /// <summary>Registers a resident, or refuses with the first rule broken (an <see cref="ErrorCodes"/> code).</summary>
    public static Resident Register(ResidentDetails details, Func<string, string> lookupOf, Guid wardId, string userId, DateTimeOffset now)
    {
        var name = details.FullName.Trim();
        if (NameFolding.Tokens(name).Count == 0) throw new DomainException(ErrorCodes.FieldRequired);
        if (details.DateOfBirth > VietnamTime.Today(now)) throw new DomainException(ErrorCodes.ResidentBornInFuture);
        if (!Cultures.All.Contains(details.PreferredLanguage)) throw new DomainException(ErrorCodes.FieldChoice);

        string? idNumber = null;
        if (!string.IsNullOrWhiteSpace(details.PersonalIdNumber))
        {
            if (!People.PersonalIdNumber.TryParse(details.PersonalIdNumber, out var id, out var error)) throw new DomainException(error!);
            if (id!.MismatchWith(details.DateOfBirth, details.Sex) is { } mismatch) throw new DomainException(mismatch);
            idNumber = id.Value;
        }
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(details.Phone))
            phone = PhoneNumber.Normalize(details.Phone) ?? throw new DomainException(ErrorCodes.FieldPhone);

        var resident = new Resident
        {
            Id = Guid.NewGuid(),
            WardId = wardId,
            FullName = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            ChineseName = string.IsNullOrWhiteSpace(details.ChineseName) ? null : details.ChineseName.Trim(),
            DateOfBirth = details.DateOfBirth,
            Sex = details.Sex,
            PersonalIdNumber = idNumber,
            PersonalIdLookup = idNumber is null ? null : lookupOf(idNumber),
            Phone = phone,
            PreferredLanguage = details.PreferredLanguage,
            SearchName = NameFolding.Fold(name),
            CreatedAt = now,
            CreatedByUserId = userId,
        };
        resident._nameTokens.AddRange(NameFolding.Tokens(name).Select(t => new ResidentNameToken(resident.Id, t, wardId, resident.SearchName, resident.DateOfBirth)));
        return resident;
    }

    public const int MaxAddressLength = 200;

    /// <summary>Links the account created for the resident; a resident has one account at most.</summary>
    public void LinkAccount(string userId)
    {
        if (AccountUserId is not null && AccountUserId != userId) throw new InvalidOperationException("The resident already has an account.");
        AccountUserId = userId;
    }

    /// <summary>Replaces the contact details, address and reading preferences, or refuses with the first rule broken.</summary>
    public void UpdateContact(ResidentContact contact, DateTimeOffset now)
    {
        if (!Cultures.All.Contains(contact.PreferredLanguage)) throw new DomainException(ErrorCodes.FieldChoice);
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(contact.Phone))
            phone = PhoneNumber.Normalize(contact.Phone) ?? throw new DomainException(ErrorCodes.FieldPhone);
        string? email = null;
        if (!string.IsNullOrWhiteSpace(contact.Email))
        {
            email = contact.Email.Trim();
            if (!LooksLikeEmail(email)) throw new DomainException(ErrorCodes.FieldEmail);
        }
        string? Part(string? value) => string.IsNullOrWhiteSpace(value) ? null
            : value.Trim().Length > MaxAddressLength ? throw new DomainException(ErrorCodes.FieldTooLong) : value.Trim();
        // Every part is checked before anything is assigned, so a refused update changes nothing.
        var (street, wardName, province, legacyAddress) =
            (Part(contact.Street), Part(contact.WardName), Part(contact.Province), Part(contact.LegacyAddress));

        Phone = phone;
        Email = email;
        Street = street;
        WardName = wardName;
        Province = province;
        LegacyAddress = legacyAddress;
        PreferredLanguage = contact.PreferredLanguage;
        LargeText = contact.LargeText;
        ReadAloud = contact.ReadAloud;
        UpdatedAt = now;
    }

    /// <summary>One @, something before it, a dotted domain after it, no spaces; at most 254 characters.</summary>
    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@');
        return email.Length <= 254 && at > 0 && at == email.LastIndexOf('@') && !email.Any(char.IsWhiteSpace)
            && email[(at + 1)..] is var domain && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    /// <summary>Same folded name and same date of birth: probably the same person, so warn before registering again.</summary>
    public bool LooksLike(string fullName, DateOnly dateOfBirth) =>
        DateOfBirth == dateOfBirth && SearchName == NameFolding.Fold(fullName);
}

/// <summary>
/// One folded word of a resident's name, indexed so a name is found among hundreds of thousands.
/// Carries copies of the resident's ward, folded name and birth date, none of which ever changes
/// after registration: the search then walks the words of one ward already in display order.
/// </summary>
public sealed record ResidentNameToken(Guid ResidentId, string Token, Guid WardId, string SearchName, DateOnly DateOfBirth);
