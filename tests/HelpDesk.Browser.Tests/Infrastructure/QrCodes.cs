using System.Diagnostics;
using Microsoft.Playwright;

namespace HelpDesk.Browser.Tests.Infrastructure;

/// <summary>Reads QR codes as a phone would see them: from a screenshot, with a real decoder (Debian's zbarimg).</summary>
public static class QrCodes
{
    /// <summary>Decodes a screenshot of the element (an image of a QR).</summary>
    public static async Task<string> DecodeAsync(ILocator qr) => await DecodeAsync(await qr.ScreenshotAsync());

    /// <summary>What the QR codes in a PNG say, one line each (empty when zbarimg finds none).</summary>
    public static async Task<string> DecodeAsync(byte[] png)
    {
        var file = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.png");
        try
        {
            await File.WriteAllBytesAsync(file, png);
            var zbar = Process.Start(new ProcessStartInfo("zbarimg", ["--quiet", "--raw", file]) { RedirectStandardOutput = true })!;
            var output = await zbar.StandardOutput.ReadToEndAsync();
            await zbar.WaitForExitAsync();
            return output.Trim();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
