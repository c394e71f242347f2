using System.Diagnostics;

namespace HelpDesk.Benchmarks.ScanUpload;

/// <summary>A file to upload: what it is called on the desk, its bytes and media type.</summary>
public sealed record UploadFile(string Kind, string FileName, string MediaType, byte[] Content);

/// <summary>One mode of one file: how many went up, in how long, and each upload's time.</summary>
public sealed record ThroughputResult(UploadFile File, int Clients, TimeSpan Elapsed, IReadOnlyList<TimeSpan> Times)
{
    public double UploadsPerSecond => Times.Count / Elapsed.TotalSeconds;
    public double MegabytesPerSecond => Times.Count * (double)File.Content.Length / (1024 * 1024) / Elapsed.TotalSeconds;
    public double PercentileMs(double share) => Percentile(Times.Select(t => t.TotalMilliseconds).Order().ToList(), share);

    /// <summary>Nearest rank: the smallest time that <paramref name="share"/> of the uploads did not exceed.</summary>
    private static double Percentile(List<double> sorted, double share) =>
        sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>
/// Uploads through the Upload handler of the papers page, over HTTP to Kestrel: each one read, inspected,
/// encrypted, written and flushed to disk, and added with its audit event in one transaction.
/// </summary>
public static class UploadThroughput
{
    /// <summary>
    /// <paramref name="uploads"/> uploads of <paramref name="file"/> shared among <paramref name="desks"/>, all
    /// desks sending at once, each its next upload as soon as the last is answered.
    /// </summary>
    public static async Task<ThroughputResult> RunAsync(IReadOnlyList<Desk> desks, UploadFile file, int uploads)
    {
        var times = new TimeSpan[uploads];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(desks.Select(async desk =>
        {
            for (var i = Interlocked.Increment(ref next); i < uploads; i = Interlocked.Increment(ref next))
                times[i] = await desk.UploadAsync(file.Content, file.MediaType, file.FileName);
        }));
        clock.Stop();
        return new ThroughputResult(file, desks.Count, clock.Elapsed, times);
    }
}
