namespace HelpDesk.Domain;

/// <summary>
/// Codes the domain reports when it refuses something. Pages translate them through the
/// resource key "Error_{code}", so every code needs a text in every language.
/// </summary>
public static class ErrorCodes
{
    public const string RoleNotInvitable = nameof(RoleNotInvitable);
    public const string InvitationUsed = nameof(InvitationUsed);
    public const string InvitationRevoked = nameof(InvitationRevoked);
    public const string InvitationExpired = nameof(InvitationExpired);
    public const string InvitationNotFound = nameof(InvitationNotFound);

    public const string PersonalIdFormat = nameof(PersonalIdFormat);
    public const string PersonalIdProvince = nameof(PersonalIdProvince);
    public const string PersonalIdBirthYearMismatch = nameof(PersonalIdBirthYearMismatch);
    public const string PersonalIdSexMismatch = nameof(PersonalIdSexMismatch);

    public const string FieldRequired = nameof(FieldRequired);
    public const string FieldTooLong = nameof(FieldTooLong);
    public const string FieldPersonName = nameof(FieldPersonName);
    public const string FieldDate = nameof(FieldDate);
    public const string FieldPhone = nameof(FieldPhone);
    public const string FieldNumber = nameof(FieldNumber);
    public const string FieldMoney = nameof(FieldMoney);
    public const string FieldBelowMin = nameof(FieldBelowMin);
    public const string FieldAboveMax = nameof(FieldAboveMax);
    public const string FieldChoice = nameof(FieldChoice);
    public const string FieldTooFewItems = nameof(FieldTooFewItems);
    public const string FieldEmail = nameof(FieldEmail);
    public const string FieldTooManyItems = nameof(FieldTooManyItems);

    public const string PointDesks = nameof(PointDesks);
    public const string PointSessionTimes = nameof(PointSessionTimes);
    public const string PointSessionsOverlap = nameof(PointSessionsOverlap);
    public const string PointCodeTaken = nameof(PointCodeTaken);
    public const string ShiftNotAssigned = nameof(ShiftNotAssigned);
    public const string ShiftAlreadyOpen = nameof(ShiftAlreadyOpen);
    public const string ShiftNoSession = nameof(ShiftNoSession);
    public const string ShiftNotOpen = nameof(ShiftNotOpen);
    public const string TicketNotWaiting = nameof(TicketNotWaiting);
    public const string VisitClosed = nameof(VisitClosed);
    public const string ProxyNotAllowed = nameof(ProxyNotAllowed);

    public const string DossierIncomplete = nameof(DossierIncomplete);
    public const string DossierDocumentsMissing = nameof(DossierDocumentsMissing);
    public const string DossierMoveNotAllowed = nameof(DossierMoveNotAllowed);
    public const string DossierRoleNotAllowed = nameof(DossierRoleNotAllowed);
    public const string DossierReasonRequired = nameof(DossierReasonRequired);
    public const string DossierAlreadyExtended = nameof(DossierAlreadyExtended);
    public const string DossierExtensionDate = nameof(DossierExtensionDate);
    public const string DossierExtensionTooLate = nameof(DossierExtensionTooLate);
    /// <summary>Someone else moved or reassigned the dossier since the page was opened.</summary>
    public const string DossierChangedMeanwhile = nameof(DossierChangedMeanwhile);
    /// <summary>The officer to assign is not ward staff or a leader of the dossier's ward.</summary>
    public const string DossierOfficerUnknown = nameof(DossierOfficerUnknown);
    public const string TrackingCodeMalformed = nameof(TrackingCodeMalformed);
    public const string TrackingCodeMistyped = nameof(TrackingCodeMistyped);

    public const string ResidentBornInFuture = nameof(ResidentBornInFuture);
    public const string ResidentIdTaken = nameof(ResidentIdTaken);

    public const string ConsentNoPurpose = nameof(ConsentNoPurpose);
    public const string ConsentNoProcedure = nameof(ConsentNoProcedure);
    public const string ConsentSignatureMissing = nameof(ConsentSignatureMissing);
    public const string ConsentPhotoNotImage = nameof(ConsentPhotoNotImage);
    public const string ConsentPhotoTooLarge = nameof(ConsentPhotoTooLarge);
    public const string ConsentWitnessRequired = nameof(ConsentWitnessRequired);
    public const string ConsentWitnessNotOnShift = nameof(ConsentWitnessNotOnShift);
    public const string ConsentRequired = nameof(ConsentRequired);
    public const string ConsentNotPending = nameof(ConsentNotPending);
    public const string ConsentPhoneNoAccount = nameof(ConsentPhoneNoAccount);

    public const string ScanDocumentFull = nameof(ScanDocumentFull);
    public const string ScanConsentNeeded = nameof(ScanConsentNeeded);

    public const string UploadEmpty = nameof(UploadEmpty);
    public const string UploadTooLarge = nameof(UploadTooLarge);
    public const string UploadNotAccepted = nameof(UploadNotAccepted);
    public const string UploadDamaged = nameof(UploadDamaged);
    public const string UploadHiddenContent = nameof(UploadHiddenContent);
    public const string UploadTooManyPages = nameof(UploadTooManyPages);
    public const string UploadImageTooLarge = nameof(UploadImageTooLarge);

    public static readonly IReadOnlyList<string> All =
    [
        ConsentNoPurpose, ConsentNoProcedure, ConsentSignatureMissing, ConsentPhotoNotImage, ConsentPhotoTooLarge, ConsentWitnessRequired, ConsentWitnessNotOnShift, ConsentRequired, ConsentNotPending, ConsentPhoneNoAccount,
        ResidentBornInFuture, ResidentIdTaken, ScanDocumentFull, ScanConsentNeeded,
        PointDesks, PointSessionTimes, PointSessionsOverlap, PointCodeTaken,
        ShiftNotAssigned, ShiftAlreadyOpen, ShiftNoSession, ShiftNotOpen, TicketNotWaiting, VisitClosed, ProxyNotAllowed,
        DossierIncomplete, DossierDocumentsMissing, DossierMoveNotAllowed, DossierRoleNotAllowed, DossierReasonRequired,
        DossierAlreadyExtended, DossierExtensionDate, DossierExtensionTooLate, DossierChangedMeanwhile, DossierOfficerUnknown, TrackingCodeMalformed, TrackingCodeMistyped,
        RoleNotInvitable, InvitationUsed, InvitationRevoked, InvitationExpired, InvitationNotFound,
        PersonalIdFormat, PersonalIdProvince, PersonalIdBirthYearMismatch, PersonalIdSexMismatch,
        FieldRequired, FieldTooLong, FieldPersonName, FieldDate, FieldPhone, FieldNumber, FieldMoney,
        FieldBelowMin, FieldAboveMax, FieldChoice, FieldTooFewItems, FieldTooManyItems, FieldEmail,
        UploadEmpty, UploadTooLarge, UploadNotAccepted, UploadDamaged, UploadHiddenContent, UploadTooManyPages, UploadImageTooLarge,
    ];
}

/// <summary>A rule of the domain refused an action; <see cref="Code"/> says which.</summary>
public sealed class DomainException(string code) : Exception(code)
{
    public string Code { get; } = code;
}
