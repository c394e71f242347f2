using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Places;
using HelpDesk.Domain.Security;
using HelpDesk.Web.Data;
using HelpDesk.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using HelpDesk.Web.Resources;

namespace HelpDesk.Web.Pages;

/// <summary>
/// Accepting an invitation (or the first-run setup link): the invitee names themselves, then
/// enrols a passkey on their own phone or PC. The account, its role, its passkey and the used
/// invitation are written together or not at all.
/// </summary>
[AllowAnonymous]
public sealed class Join(
    HelpDeskDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
    IDataProtectionProvider protection, TimeProvider clock, IStringLocalizer<Strings> text) : PageModel
{
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(30);

    [FromRoute] public string Secret { get; set; } = "";
    [BindProperty] public DetailsInput Input { get; set; } = new();
    /// <summary>The details from step one, protected and time-limited, carried to step two.</summary>
    [BindProperty] public string? Pending { get; set; }
    [BindProperty] public string? CredentialJson { get; set; }

    public string Role { get; private set; } = "";
    public bool IsFirstCoordinator { get; private set; }
    public string? ErrorKey { get; private set; }

    public sealed class DetailsInput
    {
        [Required, StringLength(200, MinimumLength = 2), Display(Name = "Field_DisplayName")]
        public string DisplayName { get; set; } = "";
        [Required, RegularExpression(@"^[A-Za-z0-9._@+-]{3,64}$", ErrorMessage = "Validation_UserName"), Display(Name = "Field_UserName")]
        public string UserName { get; set; } = "";
        [StringLength(200), Display(Name = "Field_WardName")] public string? WardName { get; set; }
        [StringLength(200), Display(Name = "Field_Province")] public string? Province { get; set; }
    }

    private sealed record PendingAccount(Guid InvitationId, string UserId, string UserName, string DisplayName, string? WardName, string? Province);

    public async Task<IActionResult> OnGetAsync()
    {
        var invitation = await FindUsableInvitationAsync();
        if (invitation is not null) Input.DisplayName = invitation.DisplayNameHint ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync()
    {
        var invitation = await FindUsableInvitationAsync();
        if (invitation is null) return Page();
        if (IsFirstCoordinator)
        {
            if (string.IsNullOrWhiteSpace(Input.WardName)) ModelState.AddModelError("Input.WardName", Required("Field_WardName"));
            if (string.IsNullOrWhiteSpace(Input.Province)) ModelState.AddModelError("Input.Province", Required("Field_Province"));
        }
        if (ModelState.IsValid && await users.FindByNameAsync(Input.UserName.Trim()) is not null)
            ModelState.AddModelError("Input.UserName", Text("Join_UserNameTaken"));
        if (!ModelState.IsValid) return Page();

        var pending = new PendingAccount(invitation.Id, Guid.NewGuid().ToString(), Input.UserName.Trim(), Input.DisplayName.Trim(),
            Input.WardName?.Trim(), Input.Province?.Trim());
        Pending = Protector.Protect(JsonSerializer.Serialize(pending), PendingLifetime);
        return Page();
    }

    /// <summary>Options for navigator.credentials.create() for the account about to be made.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        if (await FindUsableInvitationAsync() is null || ReadPending() is not { } pending) return BadRequest();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = pending.UserId,
            Name = pending.UserName,
            DisplayName = pending.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        var invitation = await FindUsableInvitationAsync();
        if (invitation is null) return Page();
        if (ReadPending() is not { } pending || pending.InvitationId != invitation.Id)
        {
            ErrorKey = "Join_StartAgain";
            return Page();
        }
        var attestation = await PasskeyAttestation.VerifyAsync(signIn, CredentialJson);
        if (attestation is not { Succeeded: true } || attestation.UserEntity.Id != pending.UserId)
        {
            ModelState.AddModelError("", Text("Passkey_Failed"));
            return Page();
        }

        var now = clock.GetUtcNow();
        var user = new ApplicationUser
        {
            Id = pending.UserId,
            UserName = pending.UserName,
            DisplayName = pending.DisplayName,
            WardId = invitation.WardId,
            PreferredCulture = System.Globalization.CultureInfo.CurrentUICulture.Name,
            CreatedAt = now,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            if (invitation.IsFirstCoordinatorSetup)
            {
                var ward = new Ward(pending.WardName ?? "", pending.Province ?? "");
                db.Wards.Add(ward);
                await db.SaveChangesAsync();
                user.WardId = ward.Id;
            }
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors) ModelState.AddModelError("", error.Description);
                return Page();
            }
            await Require(users.AddToRoleAsync(user, invitation.Role));
            await Require(users.AddOrUpdatePasskeyAsync(user, attestation.Passkey));
            invitation.Accept(user.Id, now);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage("/Account/Security", new { welcome = true });
    }

    private async Task<Invitation?> FindUsableInvitationAsync()
    {
        var hash = OneTimeSecret.Hash(Secret);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.SecretHash == hash);
        var reason = invitation is null ? ErrorCodes.InvitationNotFound : invitation.UnusableReason(clock.GetUtcNow());
        if (reason is not null)
        {
            ErrorKey = "Error_" + reason;
            return null;
        }
        Role = invitation!.Role;
        IsFirstCoordinator = invitation.IsFirstCoordinatorSetup;
        return invitation;
    }

    private PendingAccount? ReadPending()
    {
        if (string.IsNullOrEmpty(Pending)) return null;
        try { return JsonSerializer.Deserialize<PendingAccount>(Protector.Unprotect(Pending, out _)); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("HelpDesk.Join.Pending").ToTimeLimitedDataProtector();

    private static async Task Require(Task<IdentityResult> operation)
    {
        var result = await operation;
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
    }

    private string Text(string key) => text[key];

    private string Required(string fieldKey) => text["Validation_Required", text[fieldKey]];
}
