using HelpDesk.Web.Data;
using HelpDesk.Web.Setup;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Documents;

/// <summary>
/// The document store: scans as files under the data folder's "documents" directory, encrypted with
/// the app's data-protection keys. A file comes in two moves so the database decides what exists:
/// <see cref="StageAsync"/> writes it to "incoming" and flushes it to disk; <see cref="Place"/> moves
/// it to its name inside the transaction that adds its row, before the commit. So a row never lacks
/// its file; a crash between the move and the commit leaves a file without a row, which
/// <see cref="OrphansOlderThan"/> finds for the sweeper to delete.
/// </summary>
public sealed class ScanStore(IOptions<HelpDeskOptions> options, SensitiveData sensitive)
{
    private const string Extension = ".scan";

    private string Root { get; } = Path.Combine(Path.GetFullPath(options.Value.DataDirectory, Directory.GetCurrentDirectory()), "documents");
    private string Incoming => Path.Combine(Root, "incoming");

    /// <summary>Encrypts <paramref name="content"/> into a new file in "incoming", on disk when this returns; gives its path.</summary>
    public async Task<string> StageAsync(byte[] content)
    {
        Directory.CreateDirectory(Incoming);
        var staged = Path.Combine(Incoming, Guid.NewGuid().ToString("N") + ".part");
        var cipher = sensitive.Protect(content);
        await using (var file = new FileStream(staged, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await file.WriteAsync(cipher);
            // Flushed to the disk itself, not just the OS cache: a power cut must not leave a row pointing at nothing.
            file.Flush(flushToDisk: true);
        }
        return staged;
    }

    /// <summary>Gives the staged file its permanent name (an atomic rename on the same disk).</summary>
    public void Place(string staged, Guid id)
    {
        var target = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(staged, target);
    }

    /// <summary>Removes what an add that failed left: the staged file or the placed one.</summary>
    public void Discard(string staged, Guid? id)
    {
        DeleteIfPresent(staged);
        if (id is { } placed) DeleteIfPresent(PathOf(placed));
    }

    /// <summary>The decrypted content of <paramref name="id"/>; throws when the file is missing or was altered.</summary>
    public async Task<byte[]> ReadAsync(Guid id) => sensitive.Unprotect(await File.ReadAllBytesAsync(PathOf(id)));

    public bool Exists(Guid id) => File.Exists(PathOf(id));

    /// <summary>Deletes the file of a page whose row is gone (the row goes first, so a crash leaves an orphan, never a dangling row).</summary>
    public void Delete(Guid id) => DeleteIfPresent(PathOf(id));

    /// <summary>File.Delete, also quiet when the folder is gone: clean-up must never hide the error that caused it.</summary>
    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>
    /// Placed files last written before <paramref name="cutoff"/> (their ids) and staged files from before then
    /// (their paths). Young files are left alone: another instance may be between its move and its commit.
    /// </summary>
    public (IReadOnlyList<Guid> Placed, IReadOnlyList<string> Staged) OrphansOlderThan(DateTime cutoff)
    {
        if (!Directory.Exists(Root)) return ([], []);
        var placed = Directory.EnumerateFiles(Root, "*" + Extension, SearchOption.AllDirectories)
            .Where(f => File.GetLastWriteTimeUtc(f) < cutoff)
            .Select(f => Guid.TryParseExact(Path.GetFileNameWithoutExtension(f), "N", out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).ToList();
        var staged = Directory.Exists(Incoming)
            ? Directory.EnumerateFiles(Incoming).Where(f => File.GetLastWriteTimeUtc(f) < cutoff).ToList()
            : [];
        return (placed, staged);
    }

    /// <summary>documents/ab/ab12….scan: two hex digits of fan-out keep directories small.</summary>
    internal string PathOf(Guid id)
    {
        var name = id.ToString("N");
        return Path.Combine(Root, name[..2], name + Extension);
    }
}
