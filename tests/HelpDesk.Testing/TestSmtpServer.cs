using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace HelpDesk.Testing;

/// <summary>One message as the server received it: the envelope and the raw data (dot-unstuffed).</summary>
public sealed partial record ReceivedMail(string From, IReadOnlyList<string> To, string Data)
{
    private string Headers => Data[..Math.Max(0, Data.IndexOf("\r\n\r\n", StringComparison.Ordinal))];

    /// <summary>A header, unfolded, with RFC 2047 encoded words decoded.</summary>
    public string? Header(string name)
    {
        var unfolded = Regex.Replace(Headers, @"\r\n[ \t]+", " ");
        var line = unfolded.Split("\r\n").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        return line is null ? null : DecodeWords(line[(name.Length + 1)..].Trim());
    }

    public string Subject => Header("Subject") ?? "";

    /// <summary>The text body, decoded from base64 or quoted-printable.</summary>
    public string Body
    {
        get
        {
            var raw = Data[(Data.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
            return (Header("Content-Transfer-Encoding") ?? "").ToLowerInvariant() switch
            {
                "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(raw.Replace("\r\n", ""))),
                "quoted-printable" => QuotedPrintable(raw),
                _ => raw,
            };
        }
    }

    private static string DecodeWords(string value) =>
        EncodedWord().Replace(Regex.Replace(value, @"\?=\s+=\?", "?==?"), m =>
        {
            var text = m.Groups[3].Value;
            var bytes = m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(text)
                : Encoding.Latin1.GetBytes(QuotedPrintable(text.Replace('_', ' ')));
            return Encoding.GetEncoding(m.Groups[1].Value).GetString(bytes);
        });

    private static string QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var soft = text.Replace("=\r\n", "");
        for (var i = 0; i < soft.Length; i++)
        {
            if (soft[i] == '=' && i + 2 < soft.Length) { bytes.Add(Convert.ToByte(soft.Substring(i + 1, 2), 16)); i += 2; }
            else bytes.Add((byte)soft[i]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}

/// <summary>
/// A small real SMTP server on 127.0.0.1 (a free port) for tests: greeting, EHLO/HELO, MAIL FROM, RCPT TO,
/// DATA (dot-unstuffed), RSET, NOOP, QUIT. It records each message, or refuses DATA with 554 while
/// <see cref="RefuseData"/> is set, as a server rejecting the mail would.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _messages = new();
    private readonly Task _accepting;

    public TestSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public IReadOnlyList<ReceivedMail> Messages => [.. _messages];
    public bool RefuseData { get; set; }

    /// <summary>Settings pointing the app at this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["HelpDesk:Smtp:Host"] = "127.0.0.1",
        ["HelpDesk:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["HelpDesk:Smtp:From"] = "helpdesk@phuong.example.vn",
    };

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 test.smtp ESMTP ready");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO": await writer.WriteLineAsync("250 test.smtp"); break;
                    case "MAIL": from = Address(line); to.Clear(); await writer.WriteLineAsync("250 OK"); break;
                    case "RCPT": to.Add(Address(line)); await writer.WriteLineAsync("250 OK"); break;
                    case "RSET": from = null; to.Clear(); await writer.WriteLineAsync("250 OK"); break;
                    case "NOOP": await writer.WriteLineAsync("250 OK"); break;
                    case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                    case "DATA" when RefuseData: await writer.WriteLineAsync("554 Transaction failed"); break;
                    case "DATA" when from is null || to.Count == 0: await writer.WriteLineAsync("503 Bad sequence"); break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                        _messages.Enqueue(new ReceivedMail(from, [.. to], data.ToString()));
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    default: await writer.WriteLineAsync("502 Command not implemented"); break;
                }
            }
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException) { }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start < 0 || end < 0 ? "" : line[(start + 1)..end];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
