using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace HelpDesk.Domain.Documents;

/// <summary>How big an upload may be: bytes of the file, pages of a PDF, pixels of a picture.</summary>
public sealed record UploadLimits(long MaxFileBytes, int MaxPdfPages, long MaxImagePixels)
{
    public static readonly UploadLimits Default = new(10 * 1024 * 1024, 30, 50_000_000);
}

/// <summary>What an accepted upload is. <see cref="PageCount"/> is 1 for a picture; a PDF has no width or height.</summary>
public sealed record InspectedFile(string MediaType, int PageCount, int? Width, int? Height);

/// <summary>
/// Decides whether an uploaded scan may be stored: a JPEG, PNG or PDF, recognised by its content, whose
/// structure is whole, which is not also some other file (a polyglot) and which carries no script or attachment.
/// </summary>
public static class UploadInspection
{
    /// <summary>Unpacked bytes looked at per file, so a small deflate bomb cannot exhaust memory.</summary>
    private const long MaxInflatedBytes = 50L * 1024 * 1024;

    /// <summary>Compressed parts unpacked per file: each costs a decompressor, so thousands of tiny ones are a bomb too.</summary>
    private const int MaxInflatedParts = 10_000;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF];

    /// <summary>The accepted file; throws <see cref="DomainException"/> with an Upload… code when it is refused.</summary>
    public static InspectedFile Inspect(ReadOnlySpan<byte> content, UploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (content.IsEmpty) throw Refused(ErrorCodes.UploadEmpty);
        // Before any parsing, so an oversized upload costs nothing but its length.
        if (content.Length > limits.MaxFileBytes) throw Refused(ErrorCodes.UploadTooLarge);

        InspectedFile file;
        if (content.StartsWith(PngSignature)) file = InspectPng(content, limits);
        else if (content.StartsWith(JpegStart)) file = InspectJpeg(content, limits);
        else if (content.StartsWith("%PDF-"u8)) file = InspectPdf(content, limits);
        else throw Refused(ErrorCodes.UploadNotAccepted);

        if (EndsAsZip(content)) throw Refused(ErrorCodes.UploadHiddenContent);
        return file;
    }

    /// <summary>
    /// Whether a zip reader would open <paramref name="content"/>: zip is read from its end, where an
    /// end-of-directory record may sit inside a whole image or PDF (in a comment, or with the archive's own
    /// comment covering the rest); lenient readers look for it anywhere in the last 64 KB. A record counts
    /// when the central directory it announces is really there just before it, so four bytes of compressed
    /// pixels that happen to match the signature do not refuse an honest photo.
    /// </summary>
    private static bool EndsAsZip(ReadOnlySpan<byte> content)
    {
        var from = Math.Max(0, content.Length - 22 - ushort.MaxValue);
        for (var at = content.Length - 22; at >= from; at--)
        {
            if (!content[at..].StartsWith("PK\x05\x06"u8)) continue;
            var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(content[(at + 12)..]);
            if (directorySize >= 46 && directorySize <= at && content[(at - (int)directorySize)..].StartsWith("PK\x01\x02"u8)) return true;
        }
        return false;
    }

    /// <summary>PNG: signature, IHDR first, every chunk inside the file with a correct CRC, IDAT present, IEND last.</summary>
    private static InspectedFile InspectPng(ReadOnlySpan<byte> content, UploadLimits limits)
    {
        var inflater = new Inflater();
        int? width = null, height = null;
        var hasImageData = false;
        var position = PngSignature.Length;
        while (true)
        {
            // A chunk is length, type, data, CRC of type and data.
            if (content.Length - position < 12) throw Refused(ErrorCodes.UploadDamaged);
            var length = BinaryPrimitives.ReadUInt32BigEndian(content[position..]);
            if (length > content.Length - position - 12) throw Refused(ErrorCodes.UploadDamaged);
            var typeAndData = content.Slice(position + 4, 4 + (int)length);
            if (PngFile.Crc32(typeAndData) != BinaryPrimitives.ReadUInt32BigEndian(content[(position + 8 + (int)length)..]))
                throw Refused(ErrorCodes.UploadDamaged);
            position += 12 + (int)length;

            var type = typeAndData[..4];
            var data = typeAndData[4..];
            if (width is null)
            {
                if (!type.SequenceEqual("IHDR"u8) || data.Length != 13) throw Refused(ErrorCodes.UploadDamaged);
                var (w, h) = (BinaryPrimitives.ReadUInt32BigEndian(data), BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                RefuseBomb(w, h, limits);
                (width, height) = ((int)w, (int)h);
            }
            else if (type.SequenceEqual("IDAT"u8)) hasImageData = true;
            else if (type.SequenceEqual("IEND"u8))
            {
                if (!data.IsEmpty) throw Refused(ErrorCodes.UploadHiddenContent);
                break;
            }
            // Ancillary chunks (lower-case first letter) hold text and metadata, never pixels: where markup would hide.
            else if (char.IsAsciiLetterLower((char)type[0]))
            {
                RefuseMarkup(data);
                RefuseMarkup(inflater.Inflate(CompressedPngText(type, data)));
            }
        }
        if (!hasImageData) throw Refused(ErrorCodes.UploadDamaged);
        if (position != content.Length) throw Refused(ErrorCodes.UploadHiddenContent);
        return new InspectedFile(FileContent.Png, 1, width, height);
    }

    /// <summary>The deflated text of a zTXt chunk or a compressed iTXt chunk (keyword, then flags, then text); empty for others.</summary>
    private static ReadOnlySpan<byte> CompressedPngText(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var afterKeyword = data[(data.IndexOf((byte)0) + 1)..];
        if (type.SequenceEqual("zTXt"u8)) return afterKeyword.Length > 1 ? afterKeyword[1..] : [];
        if (!type.SequenceEqual("iTXt"u8) || afterKeyword.Length < 2 || afterKeyword[0] != 1) return [];
        var rest = afterKeyword[2..];
        for (var field = 0; field < 2; field++) // language tag, translated keyword
        {
            var end = rest.IndexOf((byte)0);
            if (end < 0) return [];
            rest = rest[(end + 1)..];
        }
        return rest;
    }

    /// <summary>
    /// JPEG: marker segments from SOI to the first scan, then the entropy-coded data (with the further tables and
    /// scans of a progressive JPEG) to EOI.
    /// </summary>
    private static InspectedFile InspectJpeg(ReadOnlySpan<byte> content, UploadLimits limits)
    {
        var photo = ReadJpeg(content, limits);
        // Phones keep an HDR gain map or a depth map as further whole JPEGs after the photo, announced by an MPF
        // segment: they are part of the picture. Anything else after EOI is a second file riding along.
        var rest = content[photo.Length..];
        while (!rest.IsEmpty)
        {
            if (!photo.AnnouncesMoreImages || !rest.StartsWith(JpegStart)) throw Refused(ErrorCodes.UploadHiddenContent);
            rest = rest[ReadJpeg(rest, limits).Length..];
        }
        return new InspectedFile(FileContent.Jpeg, 1, photo.Width, photo.Height);
    }

    private readonly record struct JpegImage(int Width, int Height, int Length, bool AnnouncesMoreImages);

    private static JpegImage ReadJpeg(ReadOnlySpan<byte> content, UploadLimits limits)
    {
        int? width = null, height = null;
        var announcesMoreImages = false;
        var inScan = false;
        var position = 2; // after SOI
        while (true)
        {
            // Inside a scan, markers are found by their 0xFF; before it, segments follow one another with no gap.
            if (inScan)
            {
                var next = content[position..].IndexOf((byte)0xFF);
                if (next < 0) throw Refused(ErrorCodes.UploadDamaged);
                position += next;
            }
            if (position >= content.Length || content[position] != 0xFF) throw Refused(ErrorCodes.UploadDamaged);
            while (position < content.Length && content[position] == 0xFF) position++; // fill bytes
            if (position >= content.Length) throw Refused(ErrorCodes.UploadDamaged);
            var marker = content[position++];

            if (marker == 0xD9) // EOI
            {
                if (!inScan) throw Refused(ErrorCodes.UploadDamaged);
                return new JpegImage(width!.Value, height!.Value, position, announcesMoreImages);
            }
            if (marker == 0x00 && inScan) continue; // a stuffed 0xFF data byte
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) continue; // TEM, RSTn: no length
            if (marker is 0x00 or 0xD8) throw Refused(ErrorCodes.UploadDamaged);

            // Every other marker starts a segment whose length counts itself but not the marker.
            if (content.Length - position < 2) throw Refused(ErrorCodes.UploadDamaged);
            var length = BinaryPrimitives.ReadUInt16BigEndian(content[position..]);
            if (length < 2 || length > content.Length - position) throw Refused(ErrorCodes.UploadDamaged);
            var segment = content.Slice(position + 2, length - 2);
            position += length;

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC) // SOFn, not DHT, JPG, DAC
            {
                if (segment.Length < 6) throw Refused(ErrorCodes.UploadDamaged);
                var (h, w) = (BinaryPrimitives.ReadUInt16BigEndian(segment[1..]), BinaryPrimitives.ReadUInt16BigEndian(segment[3..]));
                RefuseBomb(w, h, limits);
                (width, height) = (width ?? w, height ?? h);
            }
            else if (marker is 0xFE or (>= 0xE0 and <= 0xEF)) // COM, APPn
            {
                RefuseMarkup(segment);
                announcesMoreImages |= marker == 0xE2 && segment.StartsWith("MPF\0"u8);
            }
            else if (marker == 0xDA) // SOS
            {
                if (width is null) throw Refused(ErrorCodes.UploadDamaged);
                inScan = true;
            }
        }
    }

    /// <summary>Zero is no picture; a huge product is a decompression bomb, a few kilobytes that unpack to gigabytes.</summary>
    private static void RefuseBomb(long width, long height, UploadLimits limits)
    {
        if (width <= 0 || height <= 0 || width > int.MaxValue || height > int.MaxValue || width > limits.MaxImagePixels / height)
            throw Refused(ErrorCodes.UploadImageTooLarge);
    }

    // What a browser or an HTML viewer would act on, and a PDF header, which a PDF reader looks for in the first kilobyte.
    // XMP (<?xpacket, <x:xmpmeta, <rdf:…) is none of these.
    private static readonly SearchValues<string> Markup = SearchValues.Create(
        ["<script", "<html", "<body", "<svg", "<iframe", "<!doctype", "javascript:", "%PDF-"], StringComparison.OrdinalIgnoreCase);

    private static void RefuseMarkup(ReadOnlySpan<byte> metadata)
    {
        if (!metadata.IsEmpty && Encoding.Latin1.GetString(metadata).AsSpan().ContainsAny(Markup))
            throw Refused(ErrorCodes.UploadHiddenContent);
    }

    /// <summary>
    /// PDF: from %PDF- to a last %%EOF with startxref before it; no action, script, form or attachment named in any
    /// dictionary, including those packed into compressed object streams; pages counted.
    /// </summary>
    private static InspectedFile InspectPdf(ReadOnlySpan<byte> content, UploadLimits limits)
    {
        var eof = content.LastIndexOf("%%EOF"u8);
        if (eof < 0) throw Refused(ErrorCodes.UploadDamaged);
        if (content[(eof + 5)..].IndexOfAnyExcept(PdfWhitespace) >= 0) throw Refused(ErrorCodes.UploadHiddenContent);
        var startXref = content[..eof].LastIndexOf("startxref"u8);
        if (startXref < 0 || !TryReadInteger(content, startXref + 9, out var xrefOffset, out _) || xrefOffset >= startXref)
            throw Refused(ErrorCodes.UploadDamaged);

        var objects = PdfObjects(content);
        var streams = PdfStreams(content, objects);
        var pictures = Merged(streams.Where(s => s.IsPicture).Select(s => s.Body));

        // Every byte, stream data included: a cross-reference table can send a reader to an object anywhere in the
        // file. Only /JS is let pass inside pictures: three bytes that compressed pixels spell now and then, and
        // harmless without a /JavaScript action, which is looked for everywhere.
        var names = PdfNames(content);
        if (names.Any(n => ActiveNames.Contains(n.Value) && !(n.Value == "JS" && IsInside(pictures, n.Start))))
            throw Refused(ErrorCodes.UploadHiddenContent);

        // Pages once per object number, so an incremental update that rewrites a page does not count it twice.
        var pages = new HashSet<long>();
        var unnumbered = -1L;
        foreach (var at in PairPositions(content, names, "Type", "Page")) pages.Add(NumberOf(objects, at) ?? unnumbered--);

        // Object streams pack dictionaries out of sight; other streams are looked into too, pictures excepted.
        var inflater = new Inflater();
        foreach (var stream in streams.Where(s => !s.IsPicture))
        {
            if (stream.IsObjectStream && !stream.IsReadableObjectStream) throw Refused(ErrorCodes.UploadHiddenContent);
            var unpacked = inflater.Inflate(content[stream.Body.Start..stream.Body.End]);
            if (stream.IsObjectStream && stream.IsFlate && unpacked.Length == 0) throw Refused(ErrorCodes.UploadHiddenContent);

            var unpackedNames = PdfNames(unpacked);
            if (unpackedNames.Any(n => ActiveNames.Contains(n.Value))) throw Refused(ErrorCodes.UploadHiddenContent);
            var packed = stream.IsObjectStream ? ObjectStreamObjects(unpacked, stream.FirstObjectOffset) : [];
            foreach (var at in PairPositions(unpacked, unpackedNames, "Type", "Page")) pages.Add(NumberOf(packed, at) ?? unnumbered--);
        }

        if (pages.Count == 0) throw Refused(ErrorCodes.UploadDamaged);
        if (pages.Count > limits.MaxPdfPages) throw Refused(ErrorCodes.UploadTooManyPages);
        return new InspectedFile(FileContent.Pdf, pages.Count, null, null);
    }

    /// <summary>Names that run code, launch programs, carry files or send data somewhere; a scan needs none of them.</summary>
    private static readonly HashSet<string> ActiveNames =
        ["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA", "SubmitForm", "ImportData"];

    private static readonly SearchValues<byte> PdfWhitespace = SearchValues.Create([0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20]);
    private static readonly SearchValues<byte> TokenEnds = SearchValues.Create("\0\t\n\f\r ()<>[]{}/%"u8);

    private static bool EndsToken(byte b) => TokenEnds.Contains(b);

    private readonly record struct PdfName(string Value, int Start, int End);

    /// <summary>
    /// The name tokens this inspection knows (<see cref="KnownNames"/>), #xx escapes decoded: /J#61vaScript is
    /// /JavaScript to a reader. Others are skipped, so a file of a million names does not cost a million strings.
    /// </summary>
    private static List<PdfName> PdfNames(ReadOnlySpan<byte> pdf)
    {
        var names = new List<PdfName>();
        Span<char> value = stackalloc char[16];
        for (var slash = pdf.IndexOf((byte)'/'); slash >= 0;)
        {
            var length = pdf[(slash + 1)..].IndexOfAny(TokenEnds);
            var end = length < 0 ? pdf.Length : slash + 1 + length;
            var decoded = DecodeName(pdf[(slash + 1)..end], value);
            if (decoded >= 0 && KnownNameLookup.TryGetValue(value[..decoded], out var known)) names.Add(new PdfName(known, slash, end));
            var next = pdf[end..].IndexOf((byte)'/');
            slash = next < 0 ? -1 : end + next;
        }
        return names;
    }

    /// <summary>Decodes a name's #xx escapes into <paramref name="value"/>: its length, or -1 when it does not fit.</summary>
    private static int DecodeName(ReadOnlySpan<byte> token, Span<char> value)
    {
        var length = 0;
        for (var i = 0; i < token.Length; length++)
        {
            if (length == value.Length) return -1;
            var isEscape = token[i] == '#' && i + 2 < token.Length
                && char.IsAsciiHexDigit((char)token[i + 1]) && char.IsAsciiHexDigit((char)token[i + 2]);
            value[length] = isEscape ? (char)(HexValue(token[i + 1]) * 16 + HexValue(token[i + 2])) : (char)token[i];
            i += isEscape ? 3 : 1;
        }
        return length;
    }

    private static int HexValue(byte digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    /// <summary>Where <paramref name="key"/> is directly followed by the name <paramref name="value"/>, e.g. /Type /Page (not /Pages).</summary>
    private static List<int> PairPositions(ReadOnlySpan<byte> pdf, List<PdfName> names, string key, string value)
    {
        var positions = new List<int>();
        for (var i = 0; i + 1 < names.Count; i++)
        {
            var between = pdf[names[i].End..names[i + 1].Start];
            if (names[i].Value == key && names[i + 1].Value == value && between.IndexOfAnyExcept(PdfWhitespace) < 0) positions.Add(names[i].Start);
        }
        return positions;
    }

    /// <summary>An object header, "number generation obj" (or an entry of an object stream), in the order of the file.</summary>
    private readonly record struct PdfObject(int Start, long Number, bool StartsLine);

    /// <summary>The number of the object <paramref name="position"/> is in: the last one starting before it.</summary>
    private static long? NumberOf(List<PdfObject> objects, int position)
    {
        var index = LastStartingBefore(objects, position);
        return index < 0 ? null : objects[index].Number;
    }

    private static int LastStartingBefore(List<PdfObject> objects, int position)
    {
        int low = 0, high = objects.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (objects[middle].Start < position) low = middle + 1;
            else high = middle - 1;
        }
        return high;
    }

    private static List<PdfObject> PdfObjects(ReadOnlySpan<byte> pdf)
    {
        var objects = new List<PdfObject>();
        for (var at = pdf.IndexOf("obj"u8); at >= 0;)
        {
            // Backwards from "obj": whitespace, generation, whitespace, object number.
            var start = at;
            if ((at + 3 == pdf.Length || EndsToken(pdf[at + 3])) && SkipBack(pdf, ref start, isDigit: false)
                && SkipBack(pdf, ref start, isDigit: true) && SkipBack(pdf, ref start, isDigit: false)
                && SkipBack(pdf, ref start, isDigit: true) && (start == 0 || EndsToken(pdf[start - 1]))
                && TryReadInteger(pdf, start, out var number, out _))
                objects.Add(new PdfObject(start, number, StartsLine: start == 0 || pdf[start - 1] is (byte)'\r' or (byte)'\n'));
            var next = pdf[(at + 3)..].IndexOf("obj"u8);
            at = next < 0 ? -1 : at + 3 + next;
        }
        return objects;
    }

    /// <summary>Moves <paramref name="position"/> back over at least one digit, or at least one whitespace byte.</summary>
    private static bool SkipBack(ReadOnlySpan<byte> pdf, ref int position, bool isDigit)
    {
        var start = position;
        while (position > 0 && (isDigit ? char.IsAsciiDigit((char)pdf[position - 1]) : PdfWhitespace.Contains(pdf[position - 1])))
            position--;
        return position < start;
    }

    /// <summary>The objects packed in an object stream: its header lists number and offset pairs, offsets counted from /First.</summary>
    private static List<PdfObject> ObjectStreamObjects(ReadOnlySpan<byte> unpacked, long first)
    {
        var objects = new List<PdfObject>();
        var position = 0;
        while (position < first && TryReadInteger(unpacked, position, out var number, out var end)
            && TryReadInteger(unpacked, end, out var offset, out position) && first + offset < unpacked.Length)
            objects.Add(new PdfObject((int)(first + offset), number, StartsLine: false));
        return objects;
    }

    private readonly record struct PdfStream(
        (int Start, int End) Body, bool IsPicture, bool IsObjectStream, bool IsFlate, bool IsReadableObjectStream, long FirstObjectOffset);

    /// <summary>Every "stream … endstream" body, with what its dictionary (from its object header) says it is.</summary>
    private static List<PdfStream> PdfStreams(ReadOnlySpan<byte> pdf, List<PdfObject> objects)
    {
        var streams = new List<PdfStream>();
        var previousKeywordEnd = 0;
        for (var keyword = pdf.IndexOf("stream"u8); keyword >= 0;)
        {
            var start = keyword + 6;
            if (keyword > 0 && EndsToken(pdf[keyword - 1]) && start < pdf.Length && pdf[start] is (byte)'\r' or (byte)'\n')
            {
                if (pdf[start] == '\r') start++;
                if (start < pdf.Length && pdf[start] == '\n') start++;
                var length = pdf[start..].IndexOf("endstream"u8);
                if (length < 0) throw Refused(ErrorCodes.UploadDamaged);
                // The dictionary runs from the object's header; a header before the previous stream is not this one's.
                var header = LastStartingBefore(objects, keyword);
                var hasHeader = header >= 0 && objects[header].Start >= previousKeywordEnd;
                var dictionary = pdf[(hasHeader ? objects[header].Start : previousKeywordEnd)..keyword];
                streams.Add(Describe(dictionary, hasHeader && objects[header].StartsLine, (start, start + length)));
            }
            previousKeywordEnd = keyword + 6;
            var next = pdf[start..].IndexOf("stream"u8);
            keyword = next < 0 ? -1 : start + next;
        }
        return streams;
    }

    private static PdfStream Describe(ReadOnlySpan<byte> dictionary, bool headerStartsLine, (int, int) body)
    {
        var names = PdfNames(dictionary);
        var isObjectStream = names.Any(n => n.Value == "ObjStm");
        // A picture is not unpacked (its pixels can spell anything), so only a plain dictionary counts as one: its
        // header at the start of a line, no string or comment in it that could hide a second dictionary.
        var isPicture = !isObjectStream && headerStartsLine && dictionary.IndexOfAny("()%"u8) < 0
            && PairPositions(dictionary, names, "Subtype", "Image").Count > 0;
        // An object stream must be readable here as a reader reads it: one FlateDecode at most, no predictor.
        var filters = names.Count(n => Filters.Contains(n.Value));
        var isFlate = names.Any(n => n.Value == "FlateDecode");
        var isReadable = names.All(n => n.Value != "DecodeParms") && (filters == 0 || filters == 1 && isFlate);
        var first = names.FindIndex(n => n.Value == "First");
        var firstOffset = first >= 0 && TryReadInteger(dictionary, names[first].End, out var offset, out _) ? offset : 0;
        return new PdfStream(body, isPicture, isObjectStream, isFlate, isReadable, firstOffset);
    }

    private static readonly HashSet<string> Filters =
    [
        "FlateDecode", "ASCIIHexDecode", "ASCII85Decode", "LZWDecode", "RunLengthDecode", "CCITTFaxDecode", "JBIG2Decode",
        "DCTDecode", "JPXDecode", "Crypt", "Fl", "AHx", "A85", "LZW", "RL", "CCF", "DCT",
    ];

    private static readonly HashSet<string> KnownNames =
        [.. ActiveNames, .. Filters, "Type", "Page", "Subtype", "Image", "ObjStm", "First", "DecodeParms"];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownNameLookup =
        KnownNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The ranges joined where they overlap or nest, in order.</summary>
    private static List<(int Start, int End)> Merged(IEnumerable<(int Start, int End)> ranges)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var range in ranges.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            else merged.Add(range);
        }
        return merged;
    }

    private static bool IsInside(List<(int Start, int End)> ranges, int position)
    {
        var index = ranges.BinarySearch((position, int.MaxValue));
        index = index < 0 ? ~index - 1 : index;
        return index >= 0 && position < ranges[index].End;
    }

    /// <summary>Reads a non-negative integer after optional whitespace at <paramref name="position"/>.</summary>
    private static bool TryReadInteger(ReadOnlySpan<byte> text, int position, out long value, out int end)
    {
        value = 0;
        end = position;
        while (end < text.Length && PdfWhitespace.Contains(text[end])) end++;
        var digits = end;
        while (end < text.Length && char.IsAsciiDigit((char)text[end]) && end - digits < 18) value = value * 10 + (text[end++] - '0');
        return end > digits;
    }

    /// <summary>Inflates zlib data to look at, at most <see cref="MaxInflatedBytes"/> for the whole file.</summary>
    private sealed class Inflater
    {
        private readonly byte[] buffer = new byte[81_920];
        private long bytesLeft = MaxInflatedBytes;
        private int partsLeft = MaxInflatedParts;

        /// <summary>
        /// What <paramref name="compressed"/> inflates to: empty when it is no zlib data, the part before the damage when it breaks.
        /// </summary>
        public byte[] Inflate(ReadOnlySpan<byte> compressed)
        {
            // The zlib header: deflate method, and a check that makes the first two bytes a multiple of 31.
            if (compressed.Length < 2 || (compressed[0] & 0x0F) != 8 || ((compressed[0] << 8) | compressed[1]) % 31 != 0) return [];
            // Not read to the end, so not known to be harmless.
            if (--partsLeft < 0) throw Refused(ErrorCodes.UploadHiddenContent);
            using var output = new MemoryStream();
            try
            {
                using var zlib = new ZLibStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress);
                for (int read; (read = zlib.Read(buffer)) > 0;)
                {
                    bytesLeft -= read;
                    if (bytesLeft < 0) throw Refused(ErrorCodes.UploadHiddenContent);
                    output.Write(buffer, 0, read);
                }
            }
            catch (Exception error) when (error is InvalidDataException or IOException)
            {
                // Not zlib, or broken part way: a reader shows what inflated before the damage, so that is looked at.
            }
            return output.ToArray();
        }
    }

    private static DomainException Refused(string code) => new(code);
}
