using System.Globalization;
using HelpDesk.Domain;
using HelpDesk.Domain.People;
using HelpDesk.Domain.Audit;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Desk.Residents;

/// <summary>
/// Registering the resident at the desk and attaching them to the visit. Someone already
/// registered with the same name and birth date is shown first, and registering again needs the
/// volunteer to confirm it is a different person.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed class New(HelpDeskDbContext db, DeskService desk, ResidentRegister register, AuditLog audit, IStringLocalizer<Strings> text)
    : ResidentPage(db, desk)
{
    [BindProperty] public Form Input { get; set; } = new();
    public Dictionary<string, string> Errors { get; } = [];
    public IReadOnlyList<Resident> Similar { get; private set; } = [];

    public sealed class Form
    {
        public string? FullName { get; set; }
        public string? ChineseName { get; set; }
        public string? DateOfBirth { get; set; }
        public Sex? Sex { get; set; }
        public string? PersonalIdNumber { get; set; }
        public string? Phone { get; set; }
        public string? PreferredLanguage { get; set; }
        public bool DifferentPerson { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid visitId)
    {
        if (await LoadVisitAsync(visitId) is { } refused) return refused;
        Input.PreferredLanguage = CultureInfo.CurrentUICulture.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid visitId)
    {
        if (await LoadVisitAsync(visitId) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(Input.FullName)) Refuse(nameof(Form.FullName), ErrorCodes.FieldRequired);
        var dateOfBirth = ParseDate(Input.DateOfBirth);
        if (dateOfBirth is null) Refuse(nameof(Form.DateOfBirth), string.IsNullOrWhiteSpace(Input.DateOfBirth) ? ErrorCodes.FieldRequired : ErrorCodes.FieldDate);
        if (Input.Sex is null) Refuse(nameof(Form.Sex), ErrorCodes.FieldRequired);
        if (Errors.Count > 0) return Page();

        if (!Input.DifferentPerson)
        {
            Similar = await register.SimilarAsync(WardId, Input.FullName!, dateOfBirth!.Value);
            if (Similar.Count > 0) return Page();
        }

        Resident registered;
        var details = new ResidentDetails(Input.FullName!, Input.ChineseName, dateOfBirth!.Value, Input.Sex!.Value,
            Input.PersonalIdNumber, Input.Phone, Input.PreferredLanguage ?? "");
        try
        {
            registered = await register.RegisterAsync(details, WardId, User.UserId());
            CurrentVisit.ServeResident(registered.Id);
        }
        catch (DomainException refusal)
        {
            Refuse(FieldOf(refusal.Code), refusal.Code);
            return Page();
        }
        try
        {
            await audit.SaveAsync(
                new AuditEntry(AuditActions.ResidentRegistered, User.UserId(), registered.Id, PointId: CurrentVisit.PointId),
                new AuditEntry(AuditActions.ResidentServed, User.UserId(), registered.Id, $"visit:{CurrentVisit.Id}", CurrentVisit.PointId));
        }
        catch (DbUpdateException) when (!string.IsNullOrWhiteSpace(Input.PersonalIdNumber))
        {
            // Another desk registered the same ID number at the same moment: the unique index refused ours.
            Db.ChangeTracker.Clear();
            Refuse(FieldOf(ErrorCodes.ResidentIdTaken), ErrorCodes.ResidentIdTaken);
            return Page();
        }
        return BackToVisit();
    }

    /// <summary>The form field a domain refusal belongs next to.</summary>
    private static string FieldOf(string code) => code switch
    {
        ErrorCodes.ResidentBornInFuture => nameof(Form.DateOfBirth),
        ErrorCodes.FieldPhone => nameof(Form.Phone),
        ErrorCodes.FieldChoice => nameof(Form.PreferredLanguage),
        ErrorCodes.PersonalIdFormat or ErrorCodes.PersonalIdProvince or ErrorCodes.PersonalIdBirthYearMismatch
            or ErrorCodes.PersonalIdSexMismatch or ErrorCodes.ResidentIdTaken => nameof(Form.PersonalIdNumber),
        _ => nameof(Form.FullName),
    };

    private void Refuse(string field, string code) => Errors[field] = text["Error_" + code];

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
