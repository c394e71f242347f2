using System.Text.RegularExpressions;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HelpDesk.Browser.Tests.Infrastructure;

/// <summary>Filing a dossier from the desk, as far as the browser tests need it.</summary>
public static partial class DossierSteps
{
    /// <summary>
    /// Submits a birth registration from the volunteer's open visit with the review sheet's Submit button and
    /// waits for its slip. The draft is filled and its papers scanned by the test shortcut
    /// (<see cref="FilingFixture.ReadyDraftAsync"/>; the stepper and papers pages have their own journeys), so the
    /// visit's resident must have consented to filing it and to keeping scans. Returns the dossier's id and its
    /// tracking code, compact, as stored.
    /// </summary>
    public static async Task<(Guid DossierId, string Code)> SubmitDossierAsync(this IPage volunteer, HelpDeskApp app, Guid visitId)
    {
        var draftId = await app.ReadyDraftAsync(visitId);
        await volunteer.GotoAsync($"/desk/drafts/{draftId}/review");
        await volunteer.GetByTestId("submit-dossier").ClickAsync();
        await volunteer.WaitForURLAsync(SlipPage());
        var dossierId = Guid.Parse(new Uri(volunteer.Url).Segments[3].TrimEnd('/'));
        using var scope = app.Services.CreateScope();
        var code = await scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>().Dossiers
            .Where(d => d.Id == dossierId).Select(d => d.TrackingCodeCompact).SingleAsync();
        return (dossierId, code);
    }

    [GeneratedRegex("/desk/dossiers/[0-9a-f-]{36}/slip$", RegexOptions.IgnoreCase)]
    private static partial Regex SlipPage();
}
