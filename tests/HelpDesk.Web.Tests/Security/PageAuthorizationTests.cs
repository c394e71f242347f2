using System.Net;
using HelpDesk.Domain.Accounts;
using HelpDesk.Testing;
using HelpDesk.Web.Tests.Points;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Security;

/// <summary>
/// Every page states who may see it, and every persona gets exactly that. A new page fails
/// these tests until it declares its audience and is added to the table below.
/// </summary>
public sealed class PageAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Anonymous = "Anonymous";
    /// <summary>A point that exists in the test ward, so the edit page answers 200 to its coordinator.</summary>
    private const string PointId = "{point}";

    /// <summary>GET-able pages and who may open them. Pages with only POST handlers are listed with no address.</summary>
    private static readonly Dictionary<string, (string? Address, string[] Allowed)> Pages = new()
    {
        ["/Index"] = ("/", [Anonymous, .. Roles.All]),
        ["/Error"] = ("/error?status=404", [Anonymous, .. Roles.All]),
        ["/Preferences"] = (null, [Anonymous, .. Roles.All]),
        ["/Join"] = ("/join/not-a-secret", [Anonymous, .. Roles.All]),
        ["/Account/SignIn"] = ("/account/signin", [Anonymous, .. Roles.All]),
        ["/Account/SignInCode"] = (null, [Anonymous, .. Roles.All]),
        ["/Account/SignOut"] = (null, [Anonymous, .. Roles.All]),
        ["/Account/Denied"] = ("/account/denied", [Anonymous, .. Roles.All]),
        ["/Account/KeepAlive"] = (null, [.. Roles.All]),
        ["/Account/Security"] = ("/account/security", [.. Roles.All]),
        ["/Account/Authenticator"] = ("/account/authenticator", [.. Roles.All]),
        ["/Desk/Index"] = ("/desk", [Roles.Volunteer, Roles.WardStaff]),
        ["/Desk/Ticket"] = ("/desk/tickets/00000000-0000-0000-0000-000000000001", [Roles.Volunteer, Roles.WardStaff]),
        ["/Desk/Visit"] = ("/desk/visits/00000000-0000-0000-0000-000000000001", [Roles.Volunteer, Roles.WardStaff]),
        ["/Desk/Residents/Find"] = ("/desk/visits/00000000-0000-0000-0000-000000000001/resident", [Roles.Volunteer, Roles.WardStaff]),
        ["/Desk/Residents/New"] = ("/desk/visits/00000000-0000-0000-0000-000000000001/resident/new", [Roles.Volunteer, Roles.WardStaff]),
        ["/Desk/Residents/GiveConsent"] = ("/desk/visits/00000000-0000-0000-0000-000000000001/consent", [Roles.Volunteer, Roles.WardStaff]),
        ["/Desk/Residents/ConsentReceipt"] = ("/desk/visits/00000000-0000-0000-0000-000000000001/consents/00000000-0000-0000-0000-000000000002", [Roles.Volunteer, Roles.WardStaff]),
        ["/Desk/Residents/Details"] = ("/desk/visits/00000000-0000-0000-0000-000000000001/resident/details", [Roles.Volunteer, Roles.WardStaff]),
        ["/Desk/Residents/Account"] = ("/desk/visits/00000000-0000-0000-0000-000000000001/resident/account", [Roles.Volunteer, Roles.WardStaff]),
        ["/Activate"] = ("/activate", [Anonymous, .. Roles.All]),
        ["/Me/Index"] = ("/me", [Roles.Resident]),
        ["/Consents/Check"] = ("/c/0000000000000000", [Anonymous, .. Roles.All]),
        ["/Desk/Filing/Start"] = ("/desk/visits/00000000-0000-0000-0000-000000000001/file", [Roles.Volunteer, Roles.WardStaff]),
        ["/Desk/Filing/Step"] = ("/desk/drafts/00000000-0000-0000-0000-000000000001/steps/1", [Roles.Volunteer, Roles.WardStaff]),
        ["/Desk/Filing/Review"] = ("/desk/drafts/00000000-0000-0000-0000-000000000001/review", [Roles.Volunteer, Roles.WardStaff]),
        ["/Desk/Filing/Documents"] = ("/desk/drafts/00000000-0000-0000-0000-000000000001/documents", [Roles.Volunteer, Roles.WardStaff]),
        ["/Desk/Filing/Scan"] = ("/desk/drafts/00000000-0000-0000-0000-000000000001/scans/00000000-0000-0000-0000-000000000002", [Roles.Volunteer, Roles.WardStaff]),
        ["/Staff/Dossiers/Index"] = ("/staff/dossiers", [Roles.WardStaff, Roles.Leader]),
        ["/Staff/Dossiers/Dossier"] = ("/staff/dossiers/00000000-0000-0000-0000-000000000001", [Roles.WardStaff, Roles.Leader]),
        ["/Staff/Scan"] = ("/staff/scans/00000000-0000-0000-0000-000000000002", [Roles.WardStaff, Roles.Leader]),
        ["/Staff/Desks"] = ("/staff/desks", [Roles.Coordinator, Roles.Leader]),
        ["/Staff/Audit"] = ("/staff/audit", [Roles.WardStaff, Roles.Leader]),
        ["/Procedures/Index"] = ("/procedures", [Anonymous, .. Roles.All]),
        ["/Procedures/Details"] = ("/procedures/birth-registration", [Anonymous, .. Roles.All]),
        ["/Staff/Invitations"] = ("/staff/invitations", [Roles.Coordinator]),
        ["/Points/Index"] = ("/points", [Anonymous, .. Roles.All]),
        ["/Staff/Points/Index"] = ("/staff/points", [Roles.Coordinator]),
        ["/Staff/Points/New"] = ("/staff/points/new", [Roles.Coordinator]),
        ["/Staff/Points/Edit"] = ($"/staff/points/{PointId}", [Roles.Coordinator]),
        ["/Staff/Volunteers/Index"] = ("/staff/volunteers", [Roles.Coordinator]),
        ["/Desk/Dossiers/Supplement"] = ("/desk/visits/00000000-0000-0000-0000-000000000001/dossiers/00000000-0000-0000-0000-000000000002/supplement", [Roles.Volunteer, Roles.WardStaff]),
        ["/Desk/Dossiers/Slip"] = ("/desk/dossiers/00000000-0000-0000-0000-000000000001/slip", [Roles.Volunteer, Roles.WardStaff, Roles.Leader]),
        ["/Desk/Dossiers/Notice"] = ("/desk/dossiers/00000000-0000-0000-0000-000000000001/notice/supplement", [Roles.Volunteer, Roles.WardStaff, Roles.Leader]),
        ["/Track/Index"] = ("/t", [Anonymous, .. Roles.All]),
        ["/Track/Status"] = ("/t/0", [Anonymous, .. Roles.All]),
    };

    [Fact]
    public void Every_page_declares_who_may_see_it()
    {
        var undeclared = RazorPages()
            .Where(page => !page.Metadata.Any(m => m is IAllowAnonymous) && !page.Metadata.OfType<IAuthorizeData>().Any())
            .Select(page => page.DisplayName).ToList();
        Assert.True(undeclared.Count == 0, "Pages without [Authorize] or [AllowAnonymous]: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Every_page_is_in_the_authorization_table()
    {
        var pages = RazorPages().Select(p => p.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath).Distinct();
        var missing = pages.Where(p => !Pages.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, "Add these pages to the table with their audience: " + string.Join(", ", missing));
    }

    public static TheoryData<string, string> PersonasAndPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var (page, (address, _)) in Pages)
            if (address is not null)
                foreach (var persona in new[] { Anonymous }.Concat(Roles.All))
                    data.Add(persona, page);
        return data;
    }

    [Theory]
    [MemberData(nameof(PersonasAndPages))]
    public async Task Each_persona_gets_exactly_the_pages_meant_for_it(string persona, string page)
    {
        var (template, allowed) = Pages[page];
        var address = template!.Contains(PointId) ? template.Replace(PointId, (await PointInTestWardAsync()).ToString()) : template;
        var cookies = persona == Anonymous ? null : await app.SessionOfAsync(persona);
        var client = PageClient.For(app, cookies, followRedirects: false);

        var response = await client.Http.GetAsync(address);

        if (allowed.Contains(persona))
        {
            // Let through: the page answers itself (the error and denied pages with the status they
            // explain; a desk page off shift sends back to the desk), never to sign-in or "denied".
            var location = response.Headers.Location?.OriginalString ?? "";
            Assert.False(location.StartsWith("/account/signin") || location.StartsWith("/account/denied"),
                $"{persona} should open {address} but was sent to {location}");
            var expected = page switch
            {
                "/Error" => HttpStatusCode.NotFound,
                "/Account/Denied" => HttpStatusCode.Forbidden,
                "/Consents/Check" => HttpStatusCode.NotFound,
                // The test persona's account is linked to no resident record: let in, nothing to show.
                "/Me/Index" => HttpStatusCode.NotFound,
                // No such scan: let in, nothing to show (another ward's scan answers the same).
                "/Staff/Scan" => HttpStatusCode.NotFound,
                // No such dossier: let in, nothing to show (another ward's slip answers the same).
                "/Desk/Dossiers/Slip" or "/Desk/Dossiers/Notice" => HttpStatusCode.NotFound,
                "/Staff/Dossiers/Dossier" => HttpStatusCode.NotFound,
                _ when response.StatusCode == HttpStatusCode.Redirect => HttpStatusCode.Redirect,
                _ => HttpStatusCode.OK,
            };
            Assert.True(response.StatusCode == expected,
                $"{persona} should open {address} but got {(int)response.StatusCode} {location}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var expected = persona == Anonymous ? "/account/signin" : "/account/denied";
            Assert.Equal(expected, response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString.Split('?')[0]);
        }
    }

    private async Task<Guid> PointInTestWardAsync()
    {
        const string code = "AUTHZ01";
        if (await app.FindPointAsync(code) is { } existing) return existing.Id;
        var coordinator = await app.CreateAsync(Roles.Coordinator);
        return (await PointBuilder.InWard(coordinator.WardId).WithCode(code).SaveAsync(app)).Id;
    }

    private IEnumerable<RouteEndpoint> RazorPages() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null);
}
