using System.Buffers.Binary;
using System.IO.Compression;

namespace HelpDesk.Domain.Documents;

/// <summary>
/// The little of PNG the app writes itself: the chunk checksum (read back by <see cref="UploadInspection"/>) and a
/// plain greyscale image (training mode's signatures and scanned pages; the tests' sample scans).
/// </summary>
public static class PngFile
{
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var bit = 0; bit < 8; bit++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, as in zlib), over a chunk's type and data.</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    /// <summary>An 8-bit greyscale PNG of <paramref name="width"/> × <paramref name="height"/>, each pixel's grey from <paramref name="grey"/>(x, y).</summary>
    public static byte[] Greyscale(int width, int height, Func<int, int, byte> grey)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample; colour type 0 (greyscale); compression, filter and interlace method 0
        var rows = new byte[height * (width + 1)];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                rows[y * (width + 1) + 1 + x] = grey(x, y); // each row after its filter byte, 0 (none)
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(rows);
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR"u8, header);
        Chunk(png, "IDAT"u8, deflated.ToArray());
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(type);
        png.Write(data);
        // The checksum covers the type and the data, not the length.
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32([.. type, .. data]));
        png.Write(word);
    }
}
