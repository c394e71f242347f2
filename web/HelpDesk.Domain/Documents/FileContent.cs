namespace HelpDesk.Domain.Documents;

/// <summary>
/// Recognises a file by its first bytes, never by its name or the type the browser claims:
/// an upload is what its content says it is.
/// </summary>
public static class FileContent
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Pdf = "application/pdf";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The media type of <paramref name="content"/>, or null when it is none of the accepted kinds.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        // PNG: the signature, then an IHDR chunk with a non-zero width and height.
        if (content.Length > 24 && content[..8].SequenceEqual(PngSignature) && content[12..16].SequenceEqual("IHDR"u8)
            && ReadInt(content[16..20]) > 0 && ReadInt(content[20..24]) > 0)
            return Png;
        // JPEG: start-of-image marker followed by another marker, and an end-of-image marker at the end.
        if (content.Length > 4 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF
            && content[^2] == 0xFF && content[^1] == 0xD9)
            return Jpeg;
        if (content.Length > 8 && content[..5].SequenceEqual("%PDF-"u8)) return Pdf;
        return null;
    }

    private static int ReadInt(ReadOnlySpan<byte> bytes) => (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
}
