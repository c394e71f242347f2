using HelpDesk.Domain;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.People;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Desk.Residents;

/// <summary>
/// The served resident's details once they have consented: their identity (ID number masked, shown
/// in full only on a deliberate, audited request) and the contact details, address and reading
/// preferences the volunteer may correct. Every request checks the consent again.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class Details(HelpDeskDbContext db, DeskService desk, ResidentAccess access, AuditLog audit, IStringLocalizer<Strings> text)
    : ResidentPage(db, desk)
{
    [BindProperty] public Form Input { get; set; } = new();
    public Dictionary<string, string> Errors { get; } = [];
    /// <summary>The whole ID number, set only in the response to <see cref="OnPostRevealAsync"/>.</summary>
    public string? RevealedId { get; private set; }
    [TempData] public bool DetailsSaved { get; set; }

    public sealed class Form
    {
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Street { get; set; }
        public string? WardName { get; set; }
        public string? Province { get; set; }
        public string? LegacyAddress { get; set; }
        public string? PreferredLanguage { get; set; }
        public bool LargeText { get; set; }
        public bool ReadAloud { get; set; }

        public static Form Of(Resident resident) => new()
        {
            Phone = resident.Phone,
            Email = resident.Email,
            Street = resident.Street,
            WardName = resident.WardName,
            Province = resident.Province,
            LegacyAddress = resident.LegacyAddress,
            PreferredLanguage = resident.PreferredLanguage,
            LargeText = resident.LargeText,
            ReadAloud = resident.ReadAloud,
        };

        public ResidentContact ToContact() =>
            new(Phone, Email, Street, WardName, Province, LegacyAddress, PreferredLanguage ?? "", LargeText, ReadAloud);
    }

    public async Task<IActionResult> OnGetAsync(Guid visitId)
    {
        if (await LoadAsync(visitId) is { } refused) return refused;
        Input = Form.Of(Served!);
        await audit.SaveAsync(Entry(AuditActions.ResidentViewed));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid visitId)
    {
        if (await LoadAsync(visitId) is { } refused) return refused;
        try
        {
            Served!.UpdateContact(Input.ToContact(), Desk.Now);
        }
        catch (DomainException refusal)
        {
            Refuse(FieldOf(refusal.Code), refusal.Code);
            return Page();
        }
        await audit.SaveAsync(Entry(AuditActions.ResidentUpdated));
        DetailsSaved = true;
        return RedirectToPage(new { visitId });
    }

    /// <summary>Shows the whole ID number in this response only: never in an address, TempData or a log.</summary>
    public async Task<IActionResult> OnPostRevealAsync(Guid visitId)
    {
        if (await LoadAsync(visitId) is { } refused) return refused;
        Input = Form.Of(Served!);
        if (Served!.PersonalIdNumber is null) return Page();
        await audit.SaveAsync(Entry(AuditActions.ResidentIdRevealed));
        RevealedId = Served.PersonalIdNumber;
        return Page();
    }

    /// <summary>Loads the served resident, then requires a consent allowing their details to be handled.</summary>
    private async Task<IActionResult?> LoadAsync(Guid visitId)
    {
        if (await LoadServedAsync(visitId) is { } refused) return refused;
        if (await access.ConsentForAsync(User.UserId(), CurrentVisit, ResidentAction.HandleDetails) is null)
        {
            TempData[Pages.Desk.CurrentVisit.MessageKeyName] = "Consent_Needed";
            return BackToVisit();
        }
        return null;
    }

    private AuditEntry Entry(string action) => new(action, User.UserId(), Served!.Id, PointId: CurrentVisit.PointId);

    /// <summary>The form field a refusal belongs next to; a part of the address too long is found by measuring each.</summary>
    private string FieldOf(string code) => code switch
    {
        ErrorCodes.FieldPhone => nameof(Form.Phone),
        ErrorCodes.FieldEmail => nameof(Form.Email),
        ErrorCodes.FieldChoice => nameof(Form.PreferredLanguage),
        ErrorCodes.FieldTooLong => new[]
            {
                (nameof(Form.Street), Input.Street), (nameof(Form.WardName), Input.WardName),
                (nameof(Form.Province), Input.Province), (nameof(Form.LegacyAddress), Input.LegacyAddress),
            }
            .FirstOrDefault(part => part.Item2?.Trim().Length > Resident.MaxAddressLength).Item1 ?? nameof(Form.Street),
        _ => nameof(Form.Phone),
    };

    private void Refuse(string field, string code) =>
        Errors[field] = code == ErrorCodes.FieldTooLong ? text["Error_" + code, Resident.MaxAddressLength] : text["Error_" + code];
}
