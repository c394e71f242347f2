using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpDesk.Web.Pages;

/// <summary>The start page: open to everyone; signed-in people see where they can go.</summary>
[AllowAnonymous]
public sealed class IndexModel(UserManager<ApplicationUser> users) : PageModel
{
    public string? DisplayName { get; private set; }

    public async Task OnGetAsync() => DisplayName = (await users.GetUserAsync(User))?.DisplayName;
}
