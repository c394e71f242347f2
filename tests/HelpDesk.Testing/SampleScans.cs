using System.Buffers.Binary;
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

    /// <summary>An RGB PNG of <paramref name="width"/> × <paramref name="height"/>: light grey paper with a dark line every fourth row.</summary>
    public static byte[] Png(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = 2; // truecolour; compression, filter and interlace method 0

        var rows = new byte[height * (1 + 3 * width)];
        for (var y = 0; y < height; y++)
        {
            var row = rows.AsSpan(y * (1 + 3 * width) + 1, 3 * width); // after the row's filter byte, 0 (none)
            row.Fill(y % 4 == 3 ? (byte)0x30 : (byte)0xF0);
        }
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(rows);

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR"u8, header);
        WriteChunk(png, "IDAT"u8, deflated.ToArray());
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

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

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(type);
        png.Write(data);
        // The CRC covers the type and the data, not the length.
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Append(Crc32.Start, type), data) ^ Crc32.Start);
        png.Write(word);
    }

    /// <summary>CRC-32 as PNG chunks carry it (ISO 3309, polynomial 0xEDB88320, reflected), from a 256-entry table.</summary>
    private static class Crc32
    {
        public const uint Start = 0xFFFFFFFFu;

        private static readonly uint[] Table = BuildTable();

        public static uint Append(uint crc, ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return crc;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                var c = n;
                for (var bit = 0; bit < 8; bit++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }
    }
}
