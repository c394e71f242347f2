using HelpDesk.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace HelpDesk.Web.Pages.Account;

/// <summary>Checks a new passkey sent by the browser; null when it is missing or not valid.</summary>
internal static class PasskeyAttestation
{
    public static async Task<PasskeyAttestationResult?> VerifyAsync(SignInManager<ApplicationUser> signIn, string? credentialJson)
    {
        if (string.IsNullOrEmpty(credentialJson)) return null;
        try
        {
            var result = await signIn.PerformPasskeyAttestationAsync(credentialJson);
            return result.Succeeded ? result : null;
        }
        // Thrown when the 5-minute challenge cookie is gone or out of order (fixed in .NET 11).
        catch (InvalidOperationException) { return null; }
    }
}
