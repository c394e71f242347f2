using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HelpDesk.Domain.Dossiers;

/// <summary>
/// The readable dossier number for staff and paper registers, in the spirit of the national
/// <c>AGENCY-YYMMDD-NNNN</c> (Circular 01/2018/TT-VPCP Art. 19): <c>{point code}-{yyMMdd}-{sequence:0000}</c>,
/// e.g. <c>CL01-260424-0007</c>, where the date is the Vietnam date of submission and the sequence
/// counts that day's dossiers at the point (the caller allocates it). Sequential, hence guessable:
/// the public tracking page uses the <see cref="TrackingCode"/>, never this number.
/// </summary>
public sealed record DossierNumber
{
    public const int MaxSequence = 9999;
    public const int MaxPointCodeLength = 20;

    /// <param name="pointCode">Letters and digits only (a hyphen would make the number ambiguous); upper-cased.</param>
    /// <param name="date">The Vietnam date of submission, in 2000–2099 (the number shows two digits of the year).</param>
    /// <param name="sequence">1 to 9999.</param>
    public DossierNumber(string pointCode, DateOnly date, int sequence)
    {
        ArgumentNullException.ThrowIfNull(pointCode);
        var code = pointCode.Trim().ToUpperInvariant();
        if (!IsPointCode(code)) throw new ArgumentException($"a point code has 1 to {MaxPointCodeLength} ASCII letters or digits: '{pointCode}'", nameof(pointCode));
        if (date.Year is < 2000 or > 2099) throw new ArgumentOutOfRangeException(nameof(date), date, "the number holds two digits of the year");
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        PointCode = code;
        Date = date;
        Sequence = sequence;
    }

    public string PointCode { get; }
    public DateOnly Date { get; }
    public int Sequence { get; }

    /// <summary>The number of the <paramref name="sequence"/>-th dossier submitted at the point on the Vietnam date of <paramref name="submittedAt"/>.</summary>
    public static DossierNumber For(string pointCode, DateTimeOffset submittedAt, int sequence) =>
        new(pointCode, VietnamTime.Today(submittedAt), sequence);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{PointCode}-{Date.Year % 100:00}{Date.Month:00}{Date.Day:00}-{Sequence:0000}");

    /// <summary>Reads a number as printed (case and surrounding spaces ignored); false when it is not one.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DossierNumber? number)
    {
        number = null;
        var parts = (text ?? "").Trim().ToUpperInvariant().Split('-');
        if (parts is not [var code, var day, var sequence]) return false;
        if (!IsPointCode(code) || day.Length != 6 || !day.All(char.IsAsciiDigit) || sequence.Length != 4 || !sequence.All(char.IsAsciiDigit)) return false;
        var year = 2000 + int.Parse(day[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(day[2..4], CultureInfo.InvariantCulture);
        var dayOfMonth = int.Parse(day[4..], CultureInfo.InvariantCulture);
        var count = int.Parse(sequence, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month) || count < 1) return false;
        number = new DossierNumber(code, new DateOnly(year, month, dayOfMonth), count);
        return true;
    }

    public static DossierNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"not a dossier number: '{text}'");

    private static bool IsPointCode(string code) =>
        code.Length is >= 1 and <= MaxPointCodeLength && code.All(char.IsAsciiLetterOrDigit);
}
