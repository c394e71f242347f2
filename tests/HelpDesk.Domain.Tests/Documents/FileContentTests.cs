using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using HelpDesk.Domain.Documents;

namespace HelpDesk.Domain.Tests.Documents;

/// <summary>Test data: small files whose first bytes are what real images and documents start with.</summary>
internal static class SampleFiles
{
    /// <summary>A complete, decodable greyscale PNG (signature, IHDR, IDAT, IEND, each chunk with its CRC).</summary>
    public static byte[] Png(int width = 1, int height = 1, int padTo = 0)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression 0, filter 0, interlace 0

        var scanlines = new byte[height * (Math.Max(width, 0) + 1)]; // each row: filter byte 0, then black pixels
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(scanlines);

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        if (padTo > 0)
        {
            var comment = Encoding.Latin1.GetBytes("Comment\0").Concat(Enumerable.Repeat((byte)'x', Math.Max(0, padTo - (int)png.Length - 12 - 12 - 8)));
            Chunk(png, "tEXt", [.. comment]);
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Start-of-image, a JFIF APP0 segment, end-of-image; <paramref name="padTo"/> makes it that long.</summary>
    public static byte[] Jpeg(int padTo = 0)
    {
        byte[] start = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
        var jpeg = new byte[Math.Max(padTo, start.Length + 2)];
        start.CopyTo(jpeg, 0);
        jpeg[^2] = 0xFF;
        jpeg[^1] = 0xD9;
        return jpeg;
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. typeBytes, .. data]));
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
}

public sealed class FileContentSniff
{
    [Fact]
    public void Recognises_a_real_png() =>
        Assert.Equal(FileContent.Png, FileContent.Sniff(SampleFiles.Png(width: 3, height: 2)));

    [Fact]
    public void Recognises_a_jpeg_from_its_start_and_end_markers() =>
        Assert.Equal(FileContent.Jpeg, FileContent.Sniff(SampleFiles.Jpeg()));

    [Fact]
    public void Recognises_a_pdf() =>
        Assert.Equal(FileContent.Pdf, FileContent.Sniff(SampleFiles.Pdf()));

    [Fact]
    public void Does_not_take_a_png_signature_with_zero_width_for_an_image()
    {
        Assert.Null(FileContent.Sniff(SampleFiles.Png(width: 0, height: 1)));
        Assert.Null(FileContent.Sniff(SampleFiles.Png(width: 1, height: 0)));
    }

    [Fact]
    public void Does_not_take_a_truncated_jpeg_without_its_end_marker_for_an_image() =>
        Assert.Null(FileContent.Sniff(SampleFiles.Jpeg()[..^2]));

    [Fact]
    public void Does_not_recognise_a_text_file() =>
        Assert.Null(FileContent.Sniff(Encoding.UTF8.GetBytes("Đây là một tệp văn bản, không phải ảnh.\n")));

    [Fact]
    public void Does_not_recognise_an_empty_file() =>
        Assert.Null(FileContent.Sniff([]));

    [Fact]
    public void Does_not_recognise_a_windows_program()
    {
        var exe = new byte[128];
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';
        Assert.Null(FileContent.Sniff(exe));
    }
}
