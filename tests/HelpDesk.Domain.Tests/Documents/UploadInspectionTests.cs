using System.Text;
using HelpDesk.Domain.Documents;

namespace HelpDesk.Domain.Tests.Documents;

internal static class Inspection
{
    public static InspectedFile Accepted(byte[] file, UploadLimits? limits = null) => UploadInspection.Inspect(file, limits ?? UploadLimits.Default);

    public static string Refusal(byte[] file, UploadLimits? limits = null) =>
        Assert.Throws<DomainException>(() => UploadInspection.Inspect(file, limits ?? UploadLimits.Default)).Code;

    public static byte[] Concat(byte[] file, string appended) => [.. file, .. Encoding.Latin1.GetBytes(appended)];
}

public sealed class UploadInspectionOfOtherFiles
{
    [Fact]
    public void Refuses_an_empty_file() =>
        Assert.Equal(ErrorCodes.UploadEmpty, Inspection.Refusal([]));

    [Fact]
    public void Refuses_a_file_over_the_size_limit_before_looking_at_it()
    {
        var limits = UploadLimits.Default with { MaxFileBytes = 1000 };
        Assert.Equal(ErrorCodes.UploadTooLarge, Inspection.Refusal(new byte[1001], limits));
        Assert.Equal(ErrorCodes.UploadTooLarge, Inspection.Refusal(PdfBuilder.WithPages(40).Build(), limits));
    }

    [Fact]
    public void Accepts_a_file_exactly_at_the_size_limit()
    {
        var jpeg = SampleJpeg.Baseline();
        Assert.Equal(FileContent.Jpeg, Inspection.Accepted(jpeg, UploadLimits.Default with { MaxFileBytes = jpeg.Length }).MediaType);
    }

    public static TheoryData<string, byte[]> Other_kinds => new()
    {
        { "SVG", OtherFiles.Svg() },
        { "HTML", OtherFiles.Html() },
        { "GIF", OtherFiles.Gif() },
        { "ZIP", OtherFiles.Zip(("a.txt", "hello")) },
        { "Word document", OtherFiles.WordDocument() },
        { "plain text", OtherFiles.Text() },
        { "PDF header not at the start", Inspection.Concat([(byte)'\n'], Encoding.Latin1.GetString(PdfBuilder.WithPages(1).Build())) },
        { "PNG signature cut short", [0x89, 0x50, 0x4E, 0x47] },
    };

    [Theory]
    [MemberData(nameof(Other_kinds))]
    public void Refuses_what_is_not_a_jpeg_png_or_pdf_by_content(string kind, byte[] file) =>
        Assert.True(Inspection.Refusal(file) == ErrorCodes.UploadNotAccepted, kind);
}

public sealed class UploadInspectionOfJpeg
{
    [Fact]
    public void Accepts_a_photo_and_reports_its_size()
    {
        var file = Inspection.Accepted(SampleJpeg.Baseline());
        Assert.Equal(new InspectedFile(FileContent.Jpeg, 1, 16, 8), file);
    }

    [Fact]
    public void Accepts_a_progressive_jpeg_with_tables_between_its_scans() =>
        Assert.Equal(new InspectedFile(FileContent.Jpeg, 1, 16, 8), Inspection.Accepted(SampleJpeg.Progressive()));

    [Fact]
    public void Accepts_restart_markers_inside_the_picture_data() =>
        Assert.Equal(new InspectedFile(FileContent.Jpeg, 1, 16, 8), Inspection.Accepted(SampleJpeg.WithRestartMarkers()));

    [Fact]
    public void Accepts_xmp_metadata_in_app1() =>
        Assert.Equal(16, Inspection.Accepted(SampleJpeg.WithXmp()).Width);

    [Fact]
    public void Accepts_a_phone_photo_with_its_gain_map_announced_as_a_second_picture() =>
        Assert.Equal(new InspectedFile(FileContent.Jpeg, 1, 16, 8), Inspection.Accepted(SampleJpeg.WithGainMap()));

    [Fact]
    public void Refuses_a_second_picture_after_the_end_that_nothing_announces() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal([.. SampleJpeg.Baseline(), .. SampleJpeg.Baseline()]));

    [Fact]
    public void Refuses_a_zip_archive_appended_after_the_end_of_image() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal([.. SampleJpeg.Baseline(), .. OtherFiles.Zip(("run.js", "alert(1)"))]));

    [Fact]
    public void Refuses_a_zip_directory_hidden_in_a_comment_before_the_end() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(SampleJpeg.WithSegment(SampleJpeg.Baseline(), 0xFE, OtherFiles.Zip(("a.txt", "hello")))));

    [Fact]
    public void Accepts_a_photo_whose_bytes_happen_to_spell_the_zip_signature_without_a_directory()
    {
        // In compressed pixels any four bytes turn up now and then; an honest photo must not be refused for it.
        byte[] chance = [(byte)'P', (byte)'K', 5, 6, .. new byte[40]];
        Assert.Equal("image/jpeg", Inspection.Accepted(SampleJpeg.WithSegment(SampleJpeg.Baseline(), 0xFE, chance)).MediaType);
    }

    [Theory]
    [InlineData(0xFE, "<script>alert(1)</script>")]
    [InlineData(0xFE, "<SCRIPT SRC=//example.com/x.js>")]
    [InlineData(0xFE, "<!DOCTYPE html><p>hello")]
    [InlineData(0xE1, "Exif\0\0<html><body onload=alert(1)>")]
    [InlineData(0xED, "Photoshop 3.0\0<svg onload=alert(1)>")]
    [InlineData(0xE3, "<iframe src=//example.com>")]
    [InlineData(0xFE, "<a href=\"JavaScript:alert(1)\">")]
    [InlineData(0xFE, "%PDF-1.7 1 0 obj")]
    public void Refuses_markup_in_a_comment_or_metadata_segment(byte marker, string text) =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(SampleJpeg.WithSegment(SampleJpeg.Baseline(), marker, Encoding.Latin1.GetBytes(text))));

    [Fact]
    public void Refuses_a_script_in_the_comment_segment() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(SampleJpeg.WithComment("<script>fetch('/api')</script>")));

    [Fact]
    public void Accepts_an_ordinary_comment() =>
        Assert.Equal(16, Inspection.Accepted(SampleJpeg.WithComment("Scanned at desk 2 <ok>")).Width);

    [Fact]
    public void Refuses_a_jpeg_cut_off_in_its_picture_data() =>
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal(SampleJpeg.Baseline()[..^40]));

    [Fact]
    public void Refuses_a_jpeg_without_its_end_of_image_marker() =>
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal(SampleJpeg.Baseline()[..^2]));

    [Fact]
    public void Refuses_a_jpeg_cut_off_in_its_headers() =>
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal(SampleJpeg.Baseline()[..300]));

    [Fact]
    public void Refuses_a_segment_whose_length_runs_past_the_end()
    {
        var jpeg = SampleJpeg.Baseline();
        var profile = SampleJpeg.SegmentAt(jpeg, 0xE2);
        jpeg[profile + 2] = 0xFF;
        jpeg[profile + 3] = 0xFF;
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal(jpeg));
    }

    [Fact]
    public void Refuses_a_jpeg_with_headers_but_no_picture_data()
    {
        var jpeg = SampleJpeg.Baseline();
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal([.. jpeg[..SampleJpeg.SegmentAt(jpeg, 0xDA)], 0xFF, 0xD9]));
    }

    [Fact]
    public void Refuses_a_jpeg_without_a_frame_header()
    {
        var jpeg = SampleJpeg.Baseline();
        var frame = SampleJpeg.SegmentAt(jpeg, 0xC0);
        jpeg[frame + 1] = 0xE5; // the frame header becomes an APP5 segment
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal(jpeg));
    }

    [Fact]
    public void Refuses_a_frame_claiming_more_pixels_than_the_limit() =>
        Assert.Equal(ErrorCodes.UploadImageTooLarge, Inspection.Refusal(SampleJpeg.WithSize(SampleJpeg.Baseline(), 10_000, 10_000)));

    [Fact]
    public void Refuses_a_frame_with_no_height() =>
        Assert.Equal(ErrorCodes.UploadImageTooLarge, Inspection.Refusal(SampleJpeg.WithSize(SampleJpeg.Baseline(), 16, 0)));

    [Fact]
    public void Accepts_a_picture_exactly_at_the_pixel_limit() =>
        Assert.Equal(16, Inspection.Accepted(SampleJpeg.Baseline(), UploadLimits.Default with { MaxImagePixels = 16 * 8 }).Width);
}

public sealed class UploadInspectionOfPng
{
    [Fact]
    public void Accepts_a_png_and_reports_its_size() =>
        Assert.Equal(new InspectedFile(FileContent.Png, 1, 3, 2), Inspection.Accepted(PngBuilder.Picture(3, 2).Build()));

    [Fact]
    public void Accepts_ordinary_text_chunks() =>
        Assert.Equal(3, Inspection.Accepted(PngBuilder.Picture().WithText("Software", "Scanner 1.2 <x>").WithCompressedText("Comment", "Desk 2").Build()).Width);

    [Fact]
    public void Refuses_a_chunk_with_a_wrong_crc()
    {
        var png = PngBuilder.Picture().Build();
        png[PngBuilder.ChunkAt(png, "IDAT") + 8] ^= 0x01;
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal(png));
    }

    [Fact]
    public void Refuses_a_png_without_its_end_chunk() =>
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal(PngBuilder.Picture().WithoutEnd().Build()));

    [Fact]
    public void Refuses_a_png_cut_off_inside_a_chunk()
    {
        var png = PngBuilder.Picture().Build();
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal(png[..(PngBuilder.ChunkAt(png, "IDAT") + 10)]));
    }

    [Fact]
    public void Refuses_a_png_without_pixel_data() =>
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal(PngBuilder.Picture().WithoutImageData().Build()));

    [Fact]
    public void Refuses_a_png_whose_first_chunk_is_not_the_header()
    {
        var png = PngBuilder.Picture().WithText("Title", "scan").Build();
        var header = png[8..(8 + 25)];
        var text = png[(8 + 25)..PngBuilder.ChunkAt(png, "IDAT")];
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal([.. png[..8], .. text, .. header, .. png[PngBuilder.ChunkAt(png, "IDAT")..]]));
    }

    [Fact]
    public void Refuses_html_appended_after_the_end_chunk() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(Inspection.Concat(PngBuilder.Picture().Build(), "<html><script>alert(1)</script></html>")));

    [Fact]
    public void Refuses_a_single_byte_after_the_end_chunk() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(Inspection.Concat(PngBuilder.Picture().Build(), "\n")));

    [Fact]
    public void Refuses_html_in_a_text_chunk() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(PngBuilder.Picture().WithText("Comment", "<HTML><body>hi").Build()));

    [Fact]
    public void Refuses_a_script_in_a_compressed_text_chunk() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(PngBuilder.Picture().WithCompressedText("Comment", "<script>alert(1)</script>").Build()));

    [Fact]
    public void Refuses_an_iframe_in_a_compressed_international_text_chunk() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(PngBuilder.Picture().WithCompressedInternationalText("Comment", "Giấy tờ <iframe src=//example.com>").Build()));

    [Fact]
    public void Accepts_a_compressed_international_text_chunk_in_vietnamese() =>
        Assert.Equal(3, Inspection.Accepted(PngBuilder.Picture().WithCompressedInternationalText("Comment", "Bản quét giấy khai sinh").Build()).Width);

    [Fact]
    public void Refuses_a_zip_directory_hidden_in_a_private_chunk() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(PngBuilder.Picture().WithChunk("zIPa", OtherFiles.Zip(("a.txt", "hello"))).Build()));

    [Fact]
    public void Refuses_a_header_claiming_more_pixels_than_the_limit() =>
        Assert.Equal(ErrorCodes.UploadImageTooLarge, Inspection.Refusal(PngBuilder.Picture().ClaimingSize(20_000, 20_000).Build()));

    [Fact]
    public void Refuses_a_header_claiming_no_width() =>
        Assert.Equal(ErrorCodes.UploadImageTooLarge, Inspection.Refusal(PngBuilder.Picture().ClaimingSize(0, 2).Build()));

    [Fact]
    public void Refuses_a_header_claiming_a_size_no_png_can_have() =>
        Assert.Equal(ErrorCodes.UploadImageTooLarge, Inspection.Refusal(PngBuilder.Picture().ClaimingSize(uint.MaxValue, uint.MaxValue).Build()));
}

public sealed class UploadInspectionOfPdf
{
    [Fact]
    public void Accepts_a_pdf_and_reports_its_page_count() =>
        Assert.Equal(new InspectedFile(FileContent.Pdf, 3, null, null), Inspection.Accepted(PdfBuilder.WithPages(3).Build()));

    [Fact]
    public void Counts_pages_packed_in_a_compressed_object_stream()
    {
        var pdf = PdfBuilder.WithPages(5).WithPagesInObjectStream().Build();
        Assert.DoesNotContain("/Type /Page ", Encoding.Latin1.GetString(pdf));
        Assert.Equal(5, Inspection.Accepted(pdf).PageCount);
    }

    [Fact]
    public void Accepts_a_line_break_after_the_end_marker() =>
        Assert.Equal(2, Inspection.Accepted(Inspection.Concat(PdfBuilder.WithPages(2).Build(), "\r\n")).PageCount);

    [Fact]
    public void Accepts_an_incremental_update_and_counts_a_rewritten_page_once()
    {
        var builder = PdfBuilder.WithPages(30);
        var pdf = builder.BuildWithUpdate((builder.PageObjects[0], builder.PageDictionary(0, "/Rotate 90")));
        Assert.Equal(2, Encoding.Latin1.GetString(pdf).Split("%%EOF").Length - 1);
        Assert.Equal(30, Inspection.Accepted(pdf).PageCount);
    }

    [Fact]
    public void Accepts_as_many_pages_as_the_limit() =>
        Assert.Equal(30, Inspection.Accepted(PdfBuilder.WithPages(30).Build()).PageCount);

    [Fact]
    public void Refuses_more_pages_than_the_limit() =>
        Assert.Equal(ErrorCodes.UploadTooManyPages, Inspection.Refusal(PdfBuilder.WithPages(31).Build()));

    [Fact]
    public void Refuses_more_pages_than_the_limit_when_they_are_packed() =>
        Assert.Equal(ErrorCodes.UploadTooManyPages, Inspection.Refusal(PdfBuilder.WithPages(31).WithPagesInObjectStream().Build()));

    [Fact]
    public void Refuses_a_pdf_without_pages() =>
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal(PdfBuilder.WithPages(0).Build()));

    [Fact]
    public void Refuses_a_pdf_cut_off_before_its_end_marker()
    {
        var pdf = PdfBuilder.WithPages(2).Build();
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal(pdf[..(pdf.Length / 2)]));
    }

    [Fact]
    public void Refuses_a_pdf_without_startxref()
    {
        var text = Encoding.Latin1.GetString(PdfBuilder.WithPages(2).Build());
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal(Encoding.Latin1.GetBytes(text.Replace("startxref", "startref"))));
    }

    [Fact]
    public void Refuses_a_stream_without_its_end() =>
        Assert.Equal(ErrorCodes.UploadDamaged, Inspection.Refusal(Encoding.Latin1.GetBytes(
            Encoding.Latin1.GetString(PdfBuilder.WithPages(1).Build()).Replace("endstream", "end"))));

    [Theory]
    [InlineData("%!PS-Adobe")]
    [InlineData("<html><script>alert(1)</script>")]
    [InlineData("  x")]
    public void Refuses_anything_but_whitespace_after_the_last_end_marker(string appended) =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(Inspection.Concat(PdfBuilder.WithPages(1).Build(), appended)));

    [Fact]
    public void Refuses_a_zip_archive_appended_after_the_end_marker() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal([.. PdfBuilder.WithPages(1).Build(), .. OtherFiles.Zip(("a.txt", "hello"))]));

    [Fact]
    public void Refuses_javascript_in_a_plain_dictionary() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(
            PdfBuilder.WithPages(1).WithCatalogEntry("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>").Build()));

    [Fact]
    public void Refuses_javascript_hidden_in_a_compressed_object_stream()
    {
        var builder = PdfBuilder.WithPages(1).WithPagesInObjectStream();
        var action = builder.AddObject("<< /S /JavaScript /JS (app.alert\\(1\\)) >>", inObjectStream: true);
        var pdf = builder.WithCatalogEntry($"/OpenAction {action} 0 R").Build();
        Assert.DoesNotContain("/JS", Encoding.Latin1.GetString(pdf));
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(pdf));
    }

    [Fact]
    public void Refuses_a_bare_js_key_hidden_in_a_compressed_object_stream()
    {
        var builder = PdfBuilder.WithPages(1).WithPagesInObjectStream();
        builder.AddObject("<< /JS (app.alert\\(1\\)) >>", inObjectStream: true);
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(builder.Build()));
    }

    [Fact]
    public void Refuses_an_object_stream_in_an_encoding_not_read_here()
    {
        var builder = PdfBuilder.WithPages(1).WithPagesInObjectStream().WithObjectStreamFilter("ASCIIHexDecode");
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(builder.Build()));
    }

    [Fact]
    public void Refuses_a_name_written_with_hex_escapes() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(
            PdfBuilder.WithPages(1).WithCatalogEntry("/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>").Build()));

    [Fact]
    public void Refuses_embedded_files()
    {
        var builder = PdfBuilder.WithPages(1);
        var file = builder.AddStream("/Type /EmbeddedFile", Encoding.ASCII.GetBytes("MZ this program cannot be run in DOS mode"));
        var specification = builder.AddObject($"<< /Type /Filespec /F (invoice.exe) /EF << /F {file} 0 R >> >>");
        var pdf = builder.WithCatalogEntry($"/Names << /EmbeddedFiles << /Names [(invoice.exe) {specification} 0 R] >> >>").Build();
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(pdf));
    }

    [Theory]
    [InlineData("/OpenAction << /S /Launch /F (cmd.exe) >>")]
    [InlineData("/OpenAction << /S /SubmitForm /F (https://example.com/collect) >>")]
    [InlineData("/OpenAction << /S /ImportData /F (data.fdf) >>")]
    [InlineData("/AcroForm << /Fields [] /XFA (<xdp:xdp/>) >>")]
    [InlineData("/Names << /JavaScript << /Names [(a) << /S /JavaScript /JS (1) >>] >> >>")]
    [InlineData("/OpenAction<</S/JavaScript/JS(1)>>")]
    public void Refuses_actions_forms_and_scripts(string catalogEntry) =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(PdfBuilder.WithPages(1).WithCatalogEntry(catalogEntry).Build()));

    [Fact]
    public void Refuses_rich_media_annotations() =>
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(PdfBuilder.WithPages(1)
            .WithFirstPageEntry("/Annots [<< /Type /Annot /Subtype /RichMedia /Rect [0 0 100 100] >>]").Build()));

    [Fact]
    public void Accepts_a_name_that_only_starts_with_js() =>
        Assert.Equal(1, Inspection.Accepted(PdfBuilder.WithPages(1).WithCatalogEntry("/PieceInfo << /JSTool << /LastModified (D:20240101) >> >>").Build()).PageCount);

    [Fact]
    public void Accepts_picture_pixels_that_happen_to_spell_js() =>
        Assert.Equal(1, Inspection.Accepted(PdfBuilder.WithPages(1).WithPictureOnFirstPage("/JS "u8.ToArray()).Build()).PageCount);

    [Fact]
    public void Refuses_a_stream_that_inflates_past_what_is_looked_at()
    {
        var builder = PdfBuilder.WithPages(1);
        builder.AddStream("/Filter /FlateDecode", PngBuilder.Deflate(new byte[60 * 1024 * 1024]));
        Assert.Equal(ErrorCodes.UploadHiddenContent, Inspection.Refusal(builder.Build()));
    }
}
