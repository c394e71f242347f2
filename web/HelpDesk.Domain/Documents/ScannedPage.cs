using HelpDesk.Domain.Procedures;

namespace HelpDesk.Domain.Documents;

/// <summary>
/// One page (or one PDF) of a paper the procedure asks for, captured at the desk for a dossier
/// being filed. The content itself lives encrypted in the document store under <see cref="Id"/>;
/// this row says what it is, whose it is and that it is whole (<see cref="Sha256"/>).
/// </summary>
public sealed class ScannedPage
{
    private ScannedPage() { }

    public Guid Id { get; private set; }
    public Guid DraftId { get; private set; }
    /// <summary>The procedure's document this page belongs to (<see cref="RequiredDocument.Id"/>).</summary>
    public string DocumentId { get; private set; } = "";
    /// <summary>Order within the document, from 1, in the order pages were added.</summary>
    public int Number { get; private set; }
    public string MediaType { get; private set; } = "";
    /// <summary>Pages inside the file: 1 for a photo, the page count of a PDF.</summary>
    public int PageCount { get; private set; }
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    /// <summary>Bytes before encryption.</summary>
    public long Size { get; private set; }
    /// <summary>SHA-256 of the content before encryption (hex): what is read back must be what was stored.</summary>
    public string Sha256 { get; private set; } = "";
    public string AddedBy { get; private set; } = "";
    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>
    /// A new page for <paramref name="document"/> of <paramref name="draft"/>'s procedure, after the pages
    /// it already has (their <see cref="Number"/>s); refused when the document already has the most pages allowed.
    /// </summary>
    public static ScannedPage Add(DossierDraft draft, RequiredDocument document, InspectedFile file, long size, string sha256,
        IReadOnlyCollection<int> numbersSoFar, int maxPagesPerDocument, string addedBy, DateTimeOffset now)
    {
        if (numbersSoFar.Count >= maxPagesPerDocument) throw new DomainException(ErrorCodes.ScanDocumentFull);
        return new ScannedPage
        {
            Id = Guid.NewGuid(),
            DraftId = draft.Id,
            DocumentId = document.Id,
            // After the last, not the count: a removed page leaves a gap, and numbers stay unique.
            Number = numbersSoFar.Count == 0 ? 1 : numbersSoFar.Max() + 1,
            MediaType = file.MediaType,
            PageCount = file.PageCount,
            Width = file.Width,
            Height = file.Height,
            Size = size,
            Sha256 = sha256,
            AddedBy = addedBy,
            AddedAt = now,
        };
    }

    public bool IsPdf => MediaType == FileContent.Pdf;

    /// <summary>The file name offered when the page is downloaded: says what it is, nothing about whom.</summary>
    public string FileName => $"{DocumentId}-{Number}{(IsPdf ? ".pdf" : MediaType == FileContent.Png ? ".png" : ".jpg")}";

    /// <summary>
    /// Which required documents of <paramref name="procedure"/> have at least one page among
    /// <paramref name="pages"/> and which are still missing. Optional documents are never missing, nor
    /// papers that are only shown in the original (they are looked at, not kept).
    /// </summary>
    public static IReadOnlyList<RequiredDocument> Missing(ProcedureDefinition procedure, IEnumerable<ScannedPage> pages)
    {
        var present = pages.Select(p => p.DocumentId).ToHashSet(StringComparer.Ordinal);
        return procedure.Documents.Where(d => d.Required && d.Form != DocumentForm.ShowOriginal && !present.Contains(d.Id)).ToList();
    }
}
