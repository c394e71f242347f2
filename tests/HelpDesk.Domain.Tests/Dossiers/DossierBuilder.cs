using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Calendar;
using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Places;
using HelpDesk.Domain.Procedures;
using HelpDesk.Domain.Tests.Calendar;
using static HelpDesk.Domain.Tests.Procedures.ProcedureBuilder;

namespace HelpDesk.Domain.Tests.Dossiers;

/// <summary>Test data: a submitted dossier, or one driven along legal moves to any status, with the real calendar.</summary>
internal static class DossierBuilder
{
    public const string VolunteerId = "volunteer-1";
    public const string OfficerId = "officer-1";
    public const string Reason = "Thiếu bản sao Giấy chứng sinh";

    public static HolidayCalendar WorkCalendar { get; } = RepositoryContent.Calendar;

    /// <summary>Monday 2 March 2026, 09:00 in Hà Nội: a plain working week, no holiday near.</summary>
    public static readonly DateTimeOffset Monday = Hanoi(2026, 3, 2, 9);

    public static TimeLimit WorkingDays(int n) => new(TimeLimitKind.WorkingDays, n);

    /// <summary>Five working days: from Monday 2 March 2026, due Monday 9 March.</summary>
    public static readonly TimeLimit FiveWorkingDays = WorkingDays(5);

    public static DateTimeOffset Hanoi(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, VietnamTime.Offset);

    private static readonly FormStep Person = new("person", Text("Người yêu cầu"), [Field("fullName", FieldType.PersonName)]);

    public static ProcedureDefinition Procedure(TimeLimit? limit = null) => new(
        "1.004873", "marital-status", Text("Xác nhận tình trạng hôn nhân"), Text("Tóm tắt"), Text("UBND phường"),
        limit ?? FiveWorkingDays, Text("Theo tỉnh"), new ProxyRule(true, null), [], [Person]);

    public static DossierDraft Draft(ProcedureDefinition procedure)
    {
        var opened = Hanoi(2026, 12, 1, 18); // a Tuesday session
        var point = new ServicePoint(Guid.NewGuid(), "CL01", "Điểm Khu phố 1", "12 Trần Hưng Đạo");
        point.ReplaceSchedule([new WeeklySession(DayOfWeek.Tuesday, new TimeOnly(17, 30), new TimeOnly(20, 30))]);
        var shift = Shift.CheckIn(VolunteerId, point, isAssignedToPoint: true, hasOpenShift: false, opened);
        var draft = DossierDraft.Start(procedure, Visit.Open(shift, null, opened), Cultures.SimplifiedChinese, opened);
        draft.SaveStep(Person, new Dictionary<string, string> { ["fullName"] = "Lâm Ngọc Mai" }, 0, opened);
        return draft;
    }

    public static Dossier Submitted(DateTimeOffset? at = null, TimeLimit? limit = null)
    {
        var now = at ?? Monday;
        var procedure = Procedure(limit);
        return Dossier.Submit(Draft(procedure), procedure, Guid.NewGuid(), Guid.NewGuid(), DossierNumber.For("CL01", now, 1),
            TrackingCode.New(), complete: true, missingDocuments: [], VolunteerId, now);
    }

    /// <summary>Submitted and received at <paramref name="at"/> (default Monday 2 March 2026, 09:00).</summary>
    public static Dossier Received(DateTimeOffset? at = null, TimeLimit? limit = null)
    {
        var dossier = Submitted(at, limit);
        dossier.Receive(OfficerId, Roles.WardStaff, at ?? Monday, limit ?? FiveWorkingDays, WorkCalendar);
        return dossier;
    }

    /// <summary>A dossier brought to <paramref name="status"/> along legal moves on Monday 2 March 2026 (due Monday 9 March).</summary>
    public static Dossier InStatus(DossierStatus status)
    {
        var dossier = Submitted();
        foreach (var intent in PathTo(status)) Act(dossier, intent, Roles.WardStaff);
        Assert.Equal(status, dossier.Status);
        return dossier;
    }

    private static IEnumerable<DossierIntent> PathTo(DossierStatus status) => status switch
    {
        DossierStatus.Submitted => [],
        DossierStatus.Received => [DossierIntent.Receive],
        DossierStatus.NotAccepted => [DossierIntent.RefuseToAccept],
        DossierStatus.InProcessing => [DossierIntent.Receive, DossierIntent.StartProcessing],
        DossierStatus.NeedsSupplement => [DossierIntent.Receive, DossierIntent.RequestSupplement],
        DossierStatus.Resubmitted => [DossierIntent.Receive, DossierIntent.RequestSupplement, DossierIntent.Resubmit],
        DossierStatus.ResultReady => [DossierIntent.Receive, DossierIntent.StartProcessing, DossierIntent.MarkResultReady],
        DossierStatus.Returned => [DossierIntent.Receive, DossierIntent.StartProcessing, DossierIntent.MarkResultReady, DossierIntent.Return],
        DossierStatus.Rejected => [DossierIntent.Receive, DossierIntent.StartProcessing, DossierIntent.Reject],
        DossierStatus.Withdrawn => [DossierIntent.Withdraw],
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>
    /// Calls the method of <paramref name="intent"/> as <see cref="OfficerId"/> in <paramref name="role"/>, on
    /// Monday 2 March 2026 at 10:00 (an extension asks for Tuesday 10 March, a working day after the due date).
    /// </summary>
    public static void Act(Dossier dossier, DossierIntent intent, string role, string? reason = Reason)
    {
        var now = Monday.AddHours(1);
        switch (intent)
        {
            case DossierIntent.Receive: dossier.Receive(OfficerId, role, now, FiveWorkingDays, WorkCalendar); break;
            case DossierIntent.RefuseToAccept: dossier.RefuseToAccept(OfficerId, role, reason!, now); break;
            case DossierIntent.StartProcessing: dossier.StartProcessing(OfficerId, role, now); break;
            case DossierIntent.RequestSupplement: dossier.RequestSupplement(OfficerId, role, reason!, now); break;
            case DossierIntent.Resubmit: dossier.Resubmit(OfficerId, role, now); break;
            case DossierIntent.Extend: dossier.Extend(OfficerId, role, new DateOnly(2026, 3, 10), reason!, now, WorkCalendar); break;
            case DossierIntent.MarkResultReady: dossier.MarkResultReady(OfficerId, role, now); break;
            case DossierIntent.Return: dossier.Return(OfficerId, role, now); break;
            case DossierIntent.Reject: dossier.Reject(OfficerId, role, reason!, now); break;
            case DossierIntent.Withdraw: dossier.Withdraw(OfficerId, role, reason!, now); break;
            default: throw new ArgumentOutOfRangeException(nameof(intent), intent, "not a move on an existing dossier");
        }
    }

    public static string Refused(Action act) => Assert.Throws<DomainException>(act).Code;
}
