namespace HelpDesk.Web.Setup;

/// <summary>The "HelpDesk" configuration section (environment variables: HelpDesk__Name). See README.</summary>
public sealed class HelpDeskOptions
{
    public const string Section = "HelpDesk";

    /// <summary>Folder for the SQLite file, document store and (on SQLite) data-protection keys.</summary>
    public string DataDirectory { get; set; } = "data";
    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Folder with procedures, holidays and consent texts (relative to the working directory); empty: the copy built with the app.</summary>
    public string? ContentDirectory { get; set; }
    /// <summary>Base URL printed in QR codes and messages; the request's own base when empty.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The base URL for links printed on paper or sent: the configured one, or this request's.</summary>
    public string PublicBaseFor(HttpRequest request) =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : PublicBaseUrl.TrimEnd('/');
    public DemoOptions Demo { get; set; } = new();
    public SecurityOptions Security { get; set; } = new();
    public UploadOptions Uploads { get; set; } = new();
    public DossierOptions Dossiers { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();

    public sealed class DemoOptions
    {
        public bool Enabled { get; set; }
        /// <summary>Password for every demo account. Required when the demo is on; never in code.</summary>
        public string? Password { get; set; }
    }

    public sealed class SecurityOptions
    {
        /// <summary>Minutes without activity before a shared PC signs its user out.</summary>
        public int IdleSignOutMinutes { get; set; } = 15;
        /// <summary>Seconds of warning shown before the idle sign-out.</summary>
        public int IdleWarningSeconds { get; set; } = 60;
        /// <summary>Relying-party domain for passkeys (e.g. helpdesk.example.vn); the request host when empty.</summary>
        public string? PasskeyDomain { get; set; }
        /// <summary>Failed password or code attempts before an account is locked.</summary>
        public int LockoutAttempts { get; set; } = 5;
        public int LockoutMinutes { get; set; } = 15;
        /// <summary>Hours an invitation link stays valid.</summary>
        public int InvitationHours { get; set; } = 72;
        /// <summary>Tries per minute per client address on public pages that take a code (/t, /c, /activate); 0 turns the limit off (benchmarks only).</summary>
        public int PublicCodeLimitPerMinute { get; set; } = 20;
    }

    /// <summary>The ward's work on dossiers (HelpDesk:Dossiers:…).</summary>
    public sealed class DossierOptions
    {
        /// <summary>
        /// Working days before its due date when a dossier is "due soon": listed in that view of the queue and
        /// counted in the reminder its responsible officer sees on top of the queue.
        /// </summary>
        public int ReminderWorkingDays { get; set; } = 2;
        /// <summary>Minutes between two checks for reminder e-mails to send (in office hours only).</summary>
        public int ReminderCheckMinutes { get; set; } = 5;
    }

    /// <summary>The mail server reminders are sent through (HelpDesk:Smtp:…); no Host: no e-mail.</summary>
    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 25;
        /// <summary>The sender address, e.g. helpdesk@phuong.example.vn.</summary>
        public string? From { get; set; }
        /// <summary>With a password, for servers that require signing in; empty: none.</summary>
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public bool EnableSsl { get; set; }

        public bool Enabled => !string.IsNullOrWhiteSpace(Host);
    }

    /// <summary>Limits on scans uploaded at the desk (HelpDesk:Uploads:…).</summary>
    public sealed class UploadOptions
    {
        /// <summary>Largest file accepted, in bytes. Photos leave the browser under 600 KB; scanner PDFs are bigger.</summary>
        public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
        /// <summary>Most pages in one PDF.</summary>
        public int MaxPdfPages { get; set; } = 30;
        /// <summary>Most pixels (width × height) in one image: a larger one is a decompression bomb, not a document.</summary>
        public long MaxImagePixels { get; set; } = 50_000_000;
        /// <summary>Most files (pages) kept for one paper of a procedure.</summary>
        public int MaxPagesPerDocument { get; set; } = 20;

        public Domain.Documents.UploadLimits ToLimits() => new(MaxFileBytes, MaxPdfPages, MaxImagePixels);
    }
}

public enum DatabaseProvider { Sqlite, Postgres }
