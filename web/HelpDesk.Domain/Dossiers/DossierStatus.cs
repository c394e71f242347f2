namespace HelpDesk.Domain.Dossiers;

/// <summary>
/// Where a dossier stands, with the national portal's word for each (the texts are
/// <c>DossierStatus_{status}</c>). The draft before submission is a <see cref="Procedures.DossierDraft"/>.
/// </summary>
public enum DossierStatus
{
    /// <summary>Mới đăng ký: filed at the desk, waiting for the ward to receive it.</summary>
    Submitted,
    /// <summary>Được tiếp nhận: the ward accepted the papers; the legal time limit runs.</summary>
    Received,
    /// <summary>Không được tiếp nhận: refused at intake (form Mẫu 03), with the reason.</summary>
    NotAccepted,
    /// <summary>Đang xử lý.</summary>
    InProcessing,
    /// <summary>Yêu cầu bổ sung giấy tờ (form Mẫu 02): the clock stops until the papers are complete.</summary>
    NeedsSupplement,
    /// <summary>The missing papers were brought back; waiting to be received again, which restarts the clock from zero.</summary>
    Resubmitted,
    /// <summary>Đã xử lý xong: the result waits to be handed over.</summary>
    ResultReady,
    /// <summary>Đã trả kết quả.</summary>
    Returned,
    /// <summary>Dừng xử lý: refused after processing, with the reason.</summary>
    Rejected,
    /// <summary>Công dân yêu cầu rút hồ sơ.</summary>
    Withdrawn,
}

/// <summary>When the result was handed over against the due date (texts <c>Timeliness_{value}</c>).</summary>
public enum Timeliness
{
    /// <summary>Trước hạn.</summary>
    Early,
    /// <summary>Đúng hạn.</summary>
    OnTime,
    /// <summary>Quá hạn.</summary>
    Overdue,
}

/// <summary>What a move on a dossier means; each has its method on <see cref="Dossier"/>.</summary>
public enum DossierIntent
{
    Submit,
    Receive,
    RefuseToAccept,
    StartProcessing,
    RequestSupplement,
    Resubmit,
    /// <summary>Moves the due date once (apology slip, form Mẫu 04); the status stays.</summary>
    Extend,
    MarkResultReady,
    Return,
    Reject,
    Withdraw,
}
