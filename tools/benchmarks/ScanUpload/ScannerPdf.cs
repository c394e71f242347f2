using System.Text;

namespace HelpDesk.Benchmarks.ScanUpload;

/// <summary>
/// A PDF as a desk scanner saves a paper of several pages: one JPEG picture per A4 page, drawn over the
/// whole page. The pictures are the same compressed photo, repeated until the file reaches the size asked for.
/// </summary>
public static class ScannerPdf
{
    public static byte[] Of(byte[] jpeg, int width, int height, long atLeastBytes)
    {
        var pages = (int)Math.Max(1, Math.Ceiling((double)atLeastBytes / jpeg.Length));
        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Text(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
        void Object(string dictionary, byte[]? stream = null)
        {
            offsets.Add(pdf.Position);
            Text($"{offsets.Count} 0 obj\n{dictionary}\n");
            if (stream is not null)
            {
                Text("stream\n");
                pdf.Write(stream);
                Text("\nendstream\n");
            }
            Text("endobj\n");
        }

        Text("%PDF-1.4\n");
        pdf.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']); // binary content follows
        // Objects: 1 catalog, 2 page tree, then per page: the page, its content, its picture.
        var kids = string.Join(" ", Enumerable.Range(0, pages).Select(p => $"{3 + 3 * p} 0 R"));
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>");
        for (var p = 0; p < pages; p++)
        {
            var first = 3 + 3 * p;
            Object($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 {first + 2} 0 R >> >> /Contents {first + 1} 0 R >>");
            var drawing = Encoding.ASCII.GetBytes("q 595 0 0 842 0 0 cm /Im0 Do Q");
            Object($"<< /Length {drawing.Length} >>", drawing);
            Object($"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {jpeg.Length} >>", jpeg);
        }

        var xref = pdf.Position;
        Text($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Text($"{offset:D10} 00000 n \n");
        Text($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
