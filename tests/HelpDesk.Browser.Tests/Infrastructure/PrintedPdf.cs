using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HelpDesk.Browser.Tests.Infrastructure;

/// <summary>
/// The pages of a PDF that Chromium printed, read from its page objects: Chromium writes each page as an
/// uncompressed dictionary (<c>/Type /Page … /MediaBox [0 0 w h]</c>); only the content streams are compressed.
/// </summary>
public static partial class PrintedPdf
{
    /// <summary>Millimetres per PDF point (1/72 inch).</summary>
    private const double MillimetresPerPoint = 25.4 / 72;

    /// <summary>
    /// Writes <paramref name="pdf"/> to <c>printouts/{name}.pdf</c> beside the test assembly, so a person can look
    /// at what was printed (the layout is judged by eye; the tests check what can be measured), and returns it.
    /// </summary>
    public static byte[] Keep(byte[] pdf, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "printouts");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name + ".pdf"), pdf);
        return pdf;
    }

    /// <summary>Width and height in millimetres of each page, in the file's order.</summary>
    public static IReadOnlyList<(double Width, double Height)> PageSizes(byte[] pdf)
    {
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        // Latin-1 keeps one character per byte, so binary streams cannot shift or break the text around them.
        var objects = Encoding.Latin1.GetString(pdf).Split("endobj");
        var inherited = objects.Where(o => PageTree().IsMatch(o)).Select(MediaBox).FirstOrDefault(box => box is not null);
        return objects.Where(o => PageObject().IsMatch(o))
            .Select(o => MediaBox(o) ?? inherited ?? throw new InvalidOperationException("A page of the PDF has no /MediaBox."))
            .ToList();
    }

    private static (double Width, double Height)? MediaBox(string pdfObject)
    {
        var box = MediaBoxEntry().Match(pdfObject);
        if (!box.Success) return null;
        var corners = Enumerable.Range(1, 4).Select(i => double.Parse(box.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
        return ((corners[2] - corners[0]) * MillimetresPerPoint, (corners[3] - corners[1]) * MillimetresPerPoint);
    }

    [GeneratedRegex(@"/Type\s*/Page(?![A-Za-z])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/Type\s*/Pages(?![A-Za-z])")]
    private static partial Regex PageTree();

    [GeneratedRegex(@"/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]")]
    private static partial Regex MediaBoxEntry();
}
