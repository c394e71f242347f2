using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace HelpDesk.Domain.Tests.Documents;

/// <summary>Real JPEG files, and ways to change them as an attacker or a broken transfer would.</summary>
internal static class SampleJpeg
{
    /// <summary>16×8 colour baseline JPEG from Chromium's encoder: JFIF, an ICC profile in APP2; decodes with libjpeg.</summary>
    public static byte[] Baseline() => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAYEAACAwAAAAAAAAAAAAAAAAAABAUiMf/EABUBAQEAAAAAAAAAAAAAAAAAAAME/8QAGBEAAgMAAAAAAAAAAAAAAAAAAAIDBCH/2gAMAwEAAhEDEQA/AJa0DlCutA5QAkSVgKFuXNP/2Q==");

    /// <summary>The same picture made progressive by jpegtran: several scans, each with its own Huffman tables.</summary>
    public static byte[] Progressive() => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wgARCAAIABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUAQEAAAAAAAAAAAAAAAAAAAAD/9oADAMBAAIQAxAAAAGWsE//xAAWEAADAAAAAAAAAAAAAAAAAAAAAgP/2gAIAQEAAQUCWAsD/8QAFhEBAQEAAAAAAAAAAAAAAAAAAwAC/9oACAEDAQE/AQXV/8QAFhEBAQEAAAAAAAAAAAAAAAAAAQAC/9oACAECAQE/ATTf/8QAFBABAAAAAAAAAAAAAAAAAAAAEP/aAAgBAQAGPwI//8QAFRABAQAAAAAAAAAAAAAAAAAAAGH/2gAIAQEAAT8hii//2gAMAwEAAgADAAAAEH//xAAVEQEBAAAAAAAAAAAAAAAAAAAhAP/aAAgBAwEBPxA7f//EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQIBAT8Qb//EABUQAQEAAAAAAAAAAAAAAAAAAAAx/9oACAEBAAE/EJMn/9k=");

    /// <summary>The same pixels from cjpeg with a restart interval of one block: an RST0 marker inside the picture data.</summary>
    public static byte[] WithRestartMarkers() => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIABADAREAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/90ABAAB/9oADAMBAAIRAxEAPwDLttB6fJXMqpyYfGn/0H22g9PkqFUPQw+NP//Z");

    /// <summary>Where the segment with <paramref name="marker"/> starts (its 0xFF), walking the segments before the picture data.</summary>
    public static int SegmentAt(byte[] jpeg, byte marker)
    {
        for (var at = 2; at + 4 <= jpeg.Length; at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2)))
            if (jpeg[at + 1] == marker) return at;
        throw new ArgumentException($"No segment FF{marker:X2} before the picture data.");
    }

    /// <summary><paramref name="jpeg"/> with one more segment right after its start-of-image marker.</summary>
    public static byte[] WithSegment(byte[] jpeg, byte marker, byte[] payload)
    {
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        return [.. jpeg[..2], 0xFF, marker, .. length, .. payload, .. jpeg[2..]];
    }

    public static byte[] WithComment(string text) => WithSegment(Baseline(), 0xFE, Encoding.Latin1.GetBytes(text));

    /// <summary>An XMP packet in APP1, as cameras and photo editors write it.</summary>
    public static byte[] WithXmp() => WithSegment(Baseline(), 0xE1, Encoding.UTF8.GetBytes(
        "http://ns.adobe.com/xap/1.0/\0<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
        + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
        + "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmp:CreatorTool=\"Camera\"/>"
        + "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"));

    /// <summary><paramref name="jpeg"/> whose frame header says it is <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static byte[] WithSize(byte[] jpeg, ushort width, ushort height)
    {
        var copy = jpeg.ToArray();
        var frame = SegmentAt(copy, 0xC0);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(frame + 5), height);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(frame + 7), width);
        return copy;
    }

    /// <summary>
    /// A phone's HDR photo: the picture, announced by a Multi-Picture Format index in APP2 (CIPA DC-007), followed by
    /// its gain map as a second JPEG after the first one's end-of-image marker.
    /// </summary>
    public static byte[] WithGainMap()
    {
        var photo = Baseline();
        var gainMap = Progressive();
        const int payloadLength = 86, indexStart = 10; // "MM" after SOI, FF E2, length and "MPF\0"
        var primaryLength = photo.Length + 4 + payloadLength;
        var index = new byte[payloadLength];
        var span = index.AsSpan();
        "MPF\0MM\0*"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], 8); // first IFD
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], 3); // entries
        WriteEntry(span[14..], 0xB000, 7, 4, BinaryPrimitives.ReadUInt32BigEndian("0100"u8)); // MPFVersion
        WriteEntry(span[26..], 0xB001, 4, 1, 2); // NumberOfImages
        WriteEntry(span[38..], 0xB002, 7, 32, 50); // MPEntry, at offset 50 from "MM"
        BinaryPrimitives.WriteUInt32BigEndian(span[54..], 0x20030000); // first entry: primary image, baseline; offset 0
        BinaryPrimitives.WriteUInt32BigEndian(span[58..], (uint)primaryLength);
        BinaryPrimitives.WriteUInt32BigEndian(span[74..], (uint)gainMap.Length); // second entry: attribute 0 (as Ultra HDR writes)
        BinaryPrimitives.WriteUInt32BigEndian(span[78..], (uint)(primaryLength - indexStart));
        return [.. WithSegment(photo, 0xE2, index), .. gainMap];

        static void WriteEntry(Span<byte> entry, ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(entry, tag);
            BinaryPrimitives.WriteUInt16BigEndian(entry[2..], type);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], count);
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], value);
        }
    }
}

/// <summary>Builds real PNG files: signature, IHDR, zlib-compressed IDAT, IEND, each chunk with its CRC.</summary>
internal sealed class PngBuilder
{
    private readonly int width;
    private readonly int height;
    private readonly List<(string Type, byte[] Data)> ancillary = [];
    private (uint Width, uint Height)? claimedSize;
    private bool withImageData = true;
    private bool withEnd = true;

    private PngBuilder(int width, int height) => (this.width, this.height) = (width, height);

    /// <summary>A greyscale picture with a gradient, so its pixel data is not all zeros.</summary>
    public static PngBuilder Picture(int width = 3, int height = 2) => new(width, height);

    public PngBuilder WithChunk(string type, byte[] data)
    {
        ancillary.Add((type, data));
        return this;
    }

    public PngBuilder WithText(string keyword, string text) => WithChunk("tEXt", Encoding.Latin1.GetBytes($"{keyword}\0{text}"));

    public PngBuilder WithCompressedText(string keyword, string text) =>
        WithChunk("zTXt", [.. Encoding.Latin1.GetBytes($"{keyword}\0"), 0, .. Deflate(Encoding.Latin1.GetBytes(text))]);

    /// <summary>An international text chunk with its text compressed (keyword, flags, language, translated keyword, text).</summary>
    public PngBuilder WithCompressedInternationalText(string keyword, string text) =>
        WithChunk("iTXt", [.. Encoding.Latin1.GetBytes($"{keyword}\0"), 1, 0, .. "vi\0\0"u8, .. Deflate(Encoding.UTF8.GetBytes(text))]);

    /// <summary>IHDR says this size, whatever the pixel data holds: how a decompression bomb announces itself.</summary>
    public PngBuilder ClaimingSize(uint claimedWidth, uint claimedHeight)
    {
        claimedSize = (claimedWidth, claimedHeight);
        return this;
    }

    public PngBuilder WithoutImageData()
    {
        withImageData = false;
        return this;
    }

    public PngBuilder WithoutEnd()
    {
        withEnd = false;
        return this;
    }

    public byte[] Build()
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, claimedSize?.Width ?? (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), claimedSize?.Height ?? (uint)height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression 0, filter 0, interlace 0

        var scanlines = new byte[height * (width + 1)]; // each row: filter byte 0, then its pixels
        for (var row = 0; row < height; row++)
            for (var column = 0; column < width; column++) scanlines[row * (width + 1) + 1 + column] = (byte)(40 * row + 20 * column);

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        foreach (var (type, data) in ancillary) Chunk(png, type, data);
        if (withImageData) Chunk(png, "IDAT", Deflate(scanlines));
        if (withEnd) Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Where the chunk of <paramref name="type"/> starts (its length field) in <paramref name="png"/>.</summary>
    public static int ChunkAt(byte[] png, string type)
    {
        for (var at = 8; at + 8 <= png.Length; at += 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at)))
            if (png.AsSpan(at + 4, 4).SequenceEqual(Encoding.ASCII.GetBytes(type))) return at;
        throw new ArgumentException($"No {type} chunk.");
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typeAndData = (byte[])[.. Encoding.ASCII.GetBytes(type), .. data];
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    internal static byte[] Deflate(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(data);
        return compressed.ToArray();
    }
}

/// <summary>
/// Builds real PDF files: a catalog, a page tree, pages that show their number in Helvetica, and a cross-reference
/// table with the right offsets (or, when objects are packed into an object stream, a cross-reference stream).
/// </summary>
internal sealed class PdfBuilder
{
    private const int Catalog = 1, PageTree = 2, Font = 3;

    private readonly List<byte[]> bodies = [];
    private readonly HashSet<int> packed = [];
    private readonly List<string> catalogEntries = [];
    private readonly List<(int Number, int Contents)> pages = [];
    private string firstPageEntries = "";
    private bool packPages;
    private string objectStreamFilter = "FlateDecode";

    private PdfBuilder() { }

    public static PdfBuilder WithPages(int count)
    {
        var pdf = new PdfBuilder();
        pdf.AddObject("<< /Type /Catalog >>"); // written at Build
        pdf.AddObject("<< /Type /Pages >>");
        pdf.AddObject("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        for (var page = 1; page <= count; page++)
        {
            var contents = pdf.AddStream("", Encoding.ASCII.GetBytes($"BT /F1 24 Tf 72 720 Td (Page {page}) Tj ET"));
            pdf.pages.Add((pdf.AddObject("<< >>"), contents));
        }
        return pdf;
    }

    public IReadOnlyList<int> PageObjects => [.. pages.Select(p => p.Number)];

    public PdfBuilder WithCatalogEntry(string entry)
    {
        catalogEntries.Add(entry);
        return this;
    }

    public PdfBuilder WithFirstPageEntry(string entry)
    {
        firstPageEntries += " " + entry;
        return this;
    }

    /// <summary>Pages go into a compressed object stream, found through a cross-reference stream, as PDF 1.5 writers do.</summary>
    public PdfBuilder WithPagesInObjectStream()
    {
        packPages = true;
        return this;
    }

    public PdfBuilder WithObjectStreamFilter(string filter)
    {
        objectStreamFilter = filter;
        return this;
    }

    /// <summary>A 4×1 greyscale picture drawn on the first page, its pixels stored as given.</summary>
    public PdfBuilder WithPictureOnFirstPage(byte[] greyPixels)
    {
        var picture = AddStream($"/Type /XObject /Subtype /Image /Width {greyPixels.Length} /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", greyPixels);
        var drawing = AddStream("", Encoding.ASCII.GetBytes("q 200 0 0 50 72 600 cm /Im1 Do Q"));
        firstPageEntries += $" /Resources << /Font << /F1 {Font} 0 R >> /XObject << /Im1 {picture} 0 R >> >> /Contents [{pages[0].Contents} 0 R {drawing} 0 R]";
        return this;
    }

    public int AddObject(string body, bool inObjectStream = false)
    {
        bodies.Add(Encoding.Latin1.GetBytes(body));
        if (inObjectStream) packed.Add(bodies.Count);
        return bodies.Count;
    }

    public int AddStream(string dictionaryEntries, byte[] data)
    {
        bodies.Add([.. Encoding.Latin1.GetBytes($"<< {dictionaryEntries} /Length {data.Length} >>\nstream\n"), .. data, .. "\nendstream"u8]);
        return bodies.Count;
    }

    /// <summary>The dictionary of page <paramref name="index"/> (from 0), with <paramref name="extra"/> entries.</summary>
    public string PageDictionary(int index, string extra = "")
    {
        var entries = $"/Resources << /Font << /F1 {Font} 0 R >> >> /Contents {pages[index].Contents} 0 R";
        if (index == 0 && firstPageEntries.Contains("/Resources")) entries = firstPageEntries;
        else if (index == 0) entries += firstPageEntries;
        return $"<< /Type /Page /Parent {PageTree} 0 R /MediaBox [0 0 595 842] {entries} {extra} >>";
    }

    public byte[] Build()
    {
        Set(Catalog, $"<< /Type /Catalog /Pages {PageTree} 0 R {string.Join(" ", catalogEntries)} >>");
        Set(PageTree, $"<< /Type /Pages /Kids [{string.Join(" ", pages.Select(p => $"{p.Number} 0 R"))}] /Count {pages.Count} >>");
        for (var i = 0; i < pages.Count; i++)
        {
            Set(pages[i].Number, PageDictionary(i));
            if (packPages) packed.Add(pages[i].Number);
        }

        using var file = new MemoryStream();
        Write(file, "%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
        var offsets = new Dictionary<int, long>();
        for (var number = 1; number <= bodies.Count; number++)
        {
            if (packed.Contains(number)) continue;
            offsets[number] = file.Position;
            WriteObject(file, number, bodies[number - 1]);
        }
        if (packed.Count == 0) WriteXrefTable(file, offsets, $"/Size {bodies.Count + 1} /Root {Catalog} 0 R", withFreeHead: true);
        else WriteObjectStreamAndXrefStream(file, offsets);
        return file.ToArray();
    }

    /// <summary>The built file with an incremental update appended: the objects given replace or join the old ones.</summary>
    public byte[] BuildWithUpdate(params (int Number, string Body)[] changes)
    {
        var original = Build();
        var previousXref = Encoding.Latin1.GetString(original).Split("startxref\n")[^1].Split('\n')[0];
        using var file = new MemoryStream();
        file.Write(original);
        var offsets = new Dictionary<int, long>();
        foreach (var (number, body) in changes)
        {
            offsets[number] = file.Position;
            WriteObject(file, number, Encoding.Latin1.GetBytes(body));
        }
        var size = Math.Max(bodies.Count, changes.Max(c => c.Number)) + 1;
        WriteXrefTable(file, offsets, $"/Size {size} /Root {Catalog} 0 R /Prev {previousXref}", withFreeHead: false);
        return file.ToArray();
    }

    private void Set(int number, string body) => bodies[number - 1] = Encoding.Latin1.GetBytes(body);

    private static void WriteObject(Stream file, int number, byte[] body)
    {
        Write(file, $"{number} 0 obj\n");
        file.Write(body);
        Write(file, "\nendobj\n");
    }

    /// <summary>A classic cross-reference section (one subsection per object, so it also serves updates) and its trailer.</summary>
    private static void WriteXrefTable(Stream file, Dictionary<int, long> offsets, string trailer, bool withFreeHead)
    {
        var xref = file.Position;
        var table = new StringBuilder("xref\n");
        if (withFreeHead) table.Append("0 1\n0000000000 65535 f\r\n");
        foreach (var (number, offset) in offsets.OrderBy(o => o.Key)) table.Append($"{number} 1\n{offset:D10} 00000 n\r\n");
        Write(file, $"{table}trailer\n<< {trailer} >>\nstartxref\n{xref}\n%%EOF\n");
    }

    private void WriteObjectStreamAndXrefStream(Stream file, Dictionary<int, long> offsets)
    {
        var header = new StringBuilder();
        using var objects = new MemoryStream();
        foreach (var number in packed.Order())
        {
            header.Append($"{number} {objects.Length} ");
            objects.Write(bodies[number - 1]);
            objects.WriteByte((byte)'\n');
        }
        var first = Encoding.ASCII.GetBytes(header + "\n");
        byte[] content = [.. first, .. objects.ToArray()];
        var encoded = objectStreamFilter == "ASCIIHexDecode" ? Encoding.ASCII.GetBytes(Convert.ToHexString(content) + ">") : PngBuilder.Deflate(content);
        var objectStream = bodies.Count + 1;
        offsets[objectStream] = file.Position;
        WriteObject(file, objectStream, [.. Encoding.Latin1.GetBytes(
            $"<< /Type /ObjStm /N {packed.Count} /First {first.Length} /Filter /{objectStreamFilter} /Length {encoded.Length} >>\nstream\n"),
            .. encoded, .. "\nendstream"u8]);

        // Entries of 1 + 4 + 2 bytes: type 0 free, 1 at an offset, 2 packed (object stream, index within it).
        var xrefStream = objectStream + 1;
        offsets[xrefStream] = file.Position;
        var entries = new byte[7 * (xrefStream + 1)];
        var packedOrder = packed.Order().ToList();
        for (var number = 0; number <= xrefStream; number++)
        {
            var entry = entries.AsSpan(7 * number, 7);
            if (number == 0) { BinaryPrimitives.WriteUInt16BigEndian(entry[5..], 65535); continue; }
            var isPacked = packed.Contains(number);
            entry[0] = (byte)(isPacked ? 2 : 1);
            BinaryPrimitives.WriteUInt32BigEndian(entry[1..], (uint)(isPacked ? objectStream : offsets[number]));
            BinaryPrimitives.WriteUInt16BigEndian(entry[5..], (ushort)(isPacked ? packedOrder.IndexOf(number) : 0));
        }
        WriteObject(file, xrefStream, [.. Encoding.Latin1.GetBytes(
            $"<< /Type /XRef /Size {xrefStream + 1} /W [1 4 2] /Root {Catalog} 0 R /Length {entries.Length} >>\nstream\n"),
            .. entries, .. "\nendstream"u8]);
        Write(file, $"startxref\n{offsets[xrefStream]}\n%%EOF\n");
    }

    private static void Write(Stream file, string text) => file.Write(Encoding.Latin1.GetBytes(text));
}

/// <summary>Other files people try to upload.</summary>
internal static class OtherFiles
{
    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(text);
            }
        return zip.ToArray();
    }

    /// <summary>A Word document is a zip of XML parts.</summary>
    public static byte[] WordDocument() => Zip(
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"));

    /// <summary>1×1 transparent GIF.</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static byte[] Svg() => Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" onload=\"alert(1)\"><rect width=\"10\" height=\"10\"/></svg>");

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");

    public static byte[] Text() => Encoding.UTF8.GetBytes("Đây là một tệp văn bản, không phải ảnh.\n");
}
