using System.ComponentModel.DataAnnotations;
using HelpDesk.Domain.Accounts;
using HelpDesk.Web.Data;
using HelpDesk.Web.Qr;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using HelpDesk.Web.Resources;

namespace HelpDesk.Web.Pages.Staff;

/// <summary>A coordinator invites ward staff, leaders, volunteers and other coordinators of their ward.</summary>
[Authorize(Roles = Roles.Coordinator)]
public sealed class Invitations(
    HelpDeskDbContext db, UserManager<ApplicationUser> users, IOptions<HelpDeskOptions> options, TimeProvider clock,
    IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty] public InvitationInput Input { get; set; } = new();
    public IReadOnlyList<Invitation> Pending { get; private set; } = [];
    /// <summary>Shown once, right after creation: only a hash of the secret is stored.</summary>
    public string? NewLink { get; private set; }
    public string? NewLinkQr { get; private set; }
    public int NewLinkHours => options.Value.Security.InvitationHours;

    public sealed class InvitationInput
    {
        [Required, Display(Name = "Field_Role")] public string Role { get; set; } = Roles.Volunteer;
        [StringLength(200), Display(Name = "Field_InviteeName")] public string? DisplayName { get; set; }
    }

    public async Task OnGetAsync() => await LoadPendingAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!Roles.IsInvitable(Input.Role)) ModelState.AddModelError("Input.Role", text["Error_RoleNotInvitable"]);
        if (!ModelState.IsValid)
        {
            await LoadPendingAsync();
            return Page();
        }
        var coordinator = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        var (invitation, secret) = Invitation.Issue(Input.Role, coordinator.WardId, coordinator.Id, Input.DisplayName,
            clock.GetUtcNow(), TimeSpan.FromHours(options.Value.Security.InvitationHours));
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();

        NewLink = $"{PublicBaseUrl()}/join/{secret}";
        NewLinkQr = QrImage.SvgDataUri(NewLink);
        Input = new InvitationInput();
        await LoadPendingAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var coordinator = await users.GetUserAsync(User);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id && i.WardId == coordinator!.WardId);
        if (invitation is null) return NotFound();
        if (invitation.AcceptedAt is null) invitation.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    private async Task LoadPendingAsync()
    {
        var coordinator = await users.GetUserAsync(User);
        var now = clock.GetUtcNow();
        var open = await db.Invitations
            .Where(i => i.WardId == coordinator!.WardId && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync();
        Pending = open.Where(i => i.ExpiresAt > now).OrderBy(i => i.ExpiresAt).ToList();
    }

    private string PublicBaseUrl() => options.Value.PublicBaseFor(Request);
}
