using HelpDesk.Domain.Documents;
using System.IO.Compression;
using System.Text;

namespace HelpDesk.Testing;

/// <summary>
/// Real files to upload as scans, whole and decodable, and the kinds an upload must refuse whatever it
/// is called: markup, an archive, and an archive riding on a picture.
/// </summary>
public static class SampleScans
{
    /// <summary>
    /// A 16 × 12 baseline JPEG as a browser's canvas encodes it (JFIF, ICC profile, three components): a
    /// dark title bar and two lines of "text" on paper.
    /// </summary>
    public static byte[] Jpeg() => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3Nw" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" +
        "AAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJD" +
        "AAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBH" +
        "AEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAA" +
        "AADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBv" +
        "AGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwg" +
        "IyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgo" +
        "KCgoKCgoKCj/wAARCAAMABADASIAAhEBAxEB/8QAFwAAAwEAAAAAAAAAAAAAAAAABAUGB//EACYQAAAGAQMDBQEAAAAAAAAAAAECAwQF" +
        "EQYAEiETIjEUFUFRgZH/xAAUAQEAAAAAAAAAAAAAAAAAAAAA/8QAGhEAAgIDAAAAAAAAAAAAAAAAAAEREgMhsf/aAAwDAQACEQMRAD8A" +
        "0/Ljz4ZC7CPy6VjmvZsbIYso8ITsLdLAQQNY2Pni6+NMMRjMoF20kZDMl5GN797NeDKzOfgxQu6OWjUPjmvodUD/ABeAkXajqQg4p06U" +
        "resu0TOc1AABZhCx4AA/NERMJFQ/V9ojGLDq11PStyJb6ur2gF1Y/wBHR5FWFxCu5P/Z");

    public const int JpegWidth = 16;
    public const int JpegHeight = 12;

    /// <summary>A greyscale PNG of <paramref name="width"/> × <paramref name="height"/>: light grey paper with a dark line every fourth row.</summary>
    public static byte[] Png(int width, int height) => PngFile.Greyscale(width, height, (_, y) => y % 4 == 3 ? (byte)0x30 : (byte)0xF0);

    /// <summary>A PDF of <paramref name="pages"/> blank A4 pages: catalog, page tree, pages, and a cross-reference table with each object's exact offset.</summary>
    public static byte[] Pdf(int pages)
    {
        var kids = string.Join(" ", Enumerable.Range(3, pages).Select(n => $"{n} 0 R"));
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
        };
        objects.AddRange(Enumerable.Repeat("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>", pages));

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length); // ASCII only: characters are bytes
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>An SVG picture with a script: what a browser would run if it were served as an image from the site.</summary>
    public static byte[] Svg() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"12\">" +
        "<rect width=\"16\" height=\"12\" fill=\"#f4f1e8\"/><script>alert(document.cookie)</script></svg>\n");

    public static byte[] Html() => Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><title>Giấy khai sinh</title></head>" +
        "<body><script>fetch('/me')</script></body></html>\n");

    /// <summary>A zip archive holding one small text file.</summary>
    public static byte[] Zip()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("readme.txt").Open();
            entry.Write("Đây không phải là giấy tờ.\n"u8);
        }
        return zip.ToArray();
    }

    /// <summary>A polyglot: the whole JPEG, then a zip archive after its end marker (a zip is read from its end, so both open).</summary>
    public static byte[] JpegWithZipAppended() => [.. Jpeg(), .. Zip()];

}
