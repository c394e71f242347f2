using QRCoder;

namespace HelpDesk.Web.Qr;

/// <summary>QR codes as SVG data URIs: an img tag needs no inline style, so the CSP stays strict.</summary>
public static class QrImage
{
    public static string SvgDataUri(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(pixelsPerModule: 4);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
