namespace HelpDesk.Domain.Dossiers;

/// <summary>
/// The slips the ward gives a resident besides the receipt (Thông tư 01/2018/TT-VPCP): each tells of one move,
/// so each exists only once that move was made (texts <c>Notice_{kind}_…</c>).
/// </summary>
public enum NoticeKind
{
    /// <summary>Mẫu 02, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ": which papers to bring, and why.</summary>
    Supplement,
    /// <summary>Mẫu 03, "Phiếu từ chối tiếp nhận, giải quyết hồ sơ": refused at intake or after processing, and why.</summary>
    Refusal,
    /// <summary>Mẫu 04, "Phiếu xin lỗi và hẹn lại ngày trả kết quả": the apology and the new date, and why.</summary>
    NewDate,
}

/// <summary>
/// What a notice says: the move it tells of (who, when, the officer's reason), and for a new date the date
/// first given and the new one; for a supplement, the procedure's papers asked for.
/// </summary>
public sealed record DossierNotice(
    NoticeKind Kind,
    DossierTransition Move,
    DateOnly? FirstDueDate,
    DateOnly? NewDueDate,
    IReadOnlyList<string> RequestedDocuments)
{
    /// <summary>
    /// The notice of <paramref name="kind"/> that applies to <paramref name="dossier"/> now, or null: a supplement
    /// request until the completed papers are received again, a refusal once refused, a new date once extended
    /// while that date stands (a supplement request stops the clock and a new receipt starts another one).
    /// </summary>
    public static DossierNotice? For(Dossier dossier, NoticeKind kind)
    {
        var moves = dossier.Transitions;
        switch (kind)
        {
            case NoticeKind.Supplement when dossier.Status is DossierStatus.NeedsSupplement or DossierStatus.Resubmitted:
                return new(kind, moves.Last(m => m.To == DossierStatus.NeedsSupplement), null, null, dossier.RequestedDocuments);
            case NoticeKind.Refusal when dossier.Status is DossierStatus.NotAccepted or DossierStatus.Rejected:
                return new(kind, moves.Last(m => m.To == dossier.Status), null, null, []);
            case NoticeKind.NewDate when dossier.Extended && dossier.DueDate is not null:
                return new(kind, moves.Last(m => m.From == m.To), dossier.OriginalDueDate, dossier.DueDate, []);
            default:
                return null;
        }
    }

    /// <summary>The notices <paramref name="dossier"/> has now, in the order of <see cref="NoticeKind"/>.</summary>
    public static IReadOnlyList<DossierNotice> AllFor(Dossier dossier) =>
        Enum.GetValues<NoticeKind>().Select(kind => For(dossier, kind)).OfType<DossierNotice>().ToList();
}
