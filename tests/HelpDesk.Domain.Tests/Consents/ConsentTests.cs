using System.Text.RegularExpressions;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Documents;
using HelpDesk.Domain.Procedures;
using HelpDesk.Domain.Tests.Documents;
using static HelpDesk.Domain.Consents.ConsentPurpose;

namespace HelpDesk.Domain.Tests.Consents;

/// <summary>Test data: a consent text offering "today" and "30-days", and a request that passes every rule.</summary>
internal static class ConsentBuilder
{
    public static readonly Guid PointId = Guid.Parse("6f1c2a7e-0000-4000-8000-000000000001");
    public const string BirthRegistrationCode = "1.001193";
    public const string DeathRegistrationCode = "1.000656";

    public static LocalizedText Text(string vi, string en) => new(new Dictionary<string, string>
    {
        [Cultures.Vietnamese] = vi,
        [Cultures.SimplifiedChinese] = vi + "（简）",
        [Cultures.TraditionalChinese] = vi + "（繁）",
        [Cultures.English] = en,
    });

    public static LocalizedText BirthRegistration { get; } = Text("Đăng ký khai sinh", "Birth registration");
    public static LocalizedText DeathRegistration { get; } = Text("Đăng ký khai tử", "Death registration");

    public static ConsentText ConsentText(string version = "2026.1") => new(
        version,
        Text("Phiếu đồng ý", "Consent form"),
        Text("Tôi đồng ý để {point} của {ward} xử lý dữ liệu của tôi.", "I agree that {point} of {ward} may process my data."),
        [
            new(CreateAccount, Text("Tạo tài khoản cho tôi.", "Create my account.")),
            new(FileProcedure, Text("Nộp thay tôi hồ sơ: {procedures}.", "File for me: {procedures}.")),
            new(KeepScans, Text("Lưu ảnh giấy tờ của tôi.", "Keep images of my papers.")),
            new(Notify, Text("Gửi tin nhắn cho tôi.", "Send me messages.")),
            new(ShareWithWard, Text("Cho cán bộ phường xem.", "Let the ward's officers see.")),
        ],
        [
            new ConsentDuration("today", 0, Text("Chỉ hôm nay", "Today only")),
            new ConsentDuration("30-days", 30, Text("30 ngày", "30 days")),
        ],
        Text("Tôi có quyền rút lại sự đồng ý.", "I may withdraw this consent."),
        Text("Bản tiếng Việt có giá trị pháp lý.", "The Vietnamese text is binding."));

    public static ConsentChoices Choices(
        IReadOnlyCollection<string>? purposes = null, IReadOnlyList<LocalizedText>? procedureNames = null,
        string durationId = "30-days", string pointName = "Điểm TN01", string wardName = "Phường Chợ Lớn") =>
        new(purposes ?? [FileProcedure, Notify], procedureNames ?? [BirthRegistration], durationId, pointName, wardName);

    /// <summary>Filing the birth registration and being notified, for 30 days, signed on the screen.</summary>
    public static ConsentRequest Request(
        IReadOnlyCollection<string>? purposes = null, IReadOnlyCollection<string>? procedureCodes = null, string durationId = "30-days") =>
        new(
            ResidentId: Guid.NewGuid(), PointId: PointId, VolunteerId: "volunteer-1", WitnessId: null,
            Method: ConsentMethod.DrawnSignature,
            Choices: Choices(purposes, (procedureCodes ?? [BirthRegistrationCode]).Select(Name).ToList(), durationId),
            ProcedureCodes: procedureCodes ?? [BirthRegistrationCode],
            ExplanationLanguage: Cultures.TraditionalChinese,
            Evidence: SampleFiles.Png(width: 400, height: 150));

    public static ConsentRequest Thumbprint(byte[] photo, string? witnessId = "volunteer-2") =>
        Request() with { Method = ConsentMethod.Thumbprint, Evidence = photo, WitnessId = witnessId };

    private static LocalizedText Name(string code) => code == DeathRegistrationCode ? DeathRegistration : BirthRegistration;
}

public sealed class ConsentGive
{
    private static readonly DateTimeOffset Now = VietnamTime.At(new DateOnly(2026, 12, 1), new TimeOnly(18, 0));
    private static readonly ConsentText Text = ConsentBuilder.ConsentText();

    private static string Refusal(ConsentRequest request) =>
        Assert.Throws<DomainException>(() => Consent.Give(request, Text, Now)).Code;

    [Fact]
    public void Is_refused_without_a_purpose() =>
        Assert.Equal(ErrorCodes.ConsentNoPurpose, Refusal(ConsentBuilder.Request(purposes: [], procedureCodes: [])));

    [Fact]
    public void Is_refused_for_a_purpose_that_is_not_one_of_the_fixed_ones() =>
        Assert.Equal(ErrorCodes.FieldChoice, Refusal(ConsentBuilder.Request(purposes: [Notify, "sell-data"], procedureCodes: [])));

    [Fact]
    public void Is_refused_for_filing_without_a_procedure() =>
        Assert.Equal(ErrorCodes.ConsentNoProcedure, Refusal(ConsentBuilder.Request(purposes: [FileProcedure, Notify], procedureCodes: [])));

    [Fact]
    public void Is_refused_for_procedures_without_the_filing_purpose() =>
        Assert.Equal(ErrorCodes.ConsentNoProcedure, Refusal(ConsentBuilder.Request(purposes: [Notify], procedureCodes: [ConsentBuilder.BirthRegistrationCode])));

    [Fact]
    public void Is_refused_for_a_duration_the_text_does_not_offer() =>
        Assert.Equal(ErrorCodes.FieldChoice, Refusal(ConsentBuilder.Request(durationId: "forever")));

    [Fact]
    public void Is_refused_for_an_explanation_language_that_is_not_offered() =>
        Assert.Equal(ErrorCodes.FieldChoice, Refusal(ConsentBuilder.Request() with { ExplanationLanguage = "fr" }));

    [Theory]
    [InlineData("jpeg")]
    [InlineData("random bytes")]
    [InlineData("empty")]
    public void A_drawn_signature_that_is_not_a_png_is_refused(string evidence)
    {
        byte[] content = evidence switch
        {
            "jpeg" => SampleFiles.Jpeg(),
            "random bytes" => RandomBytes(2048),
            _ => [],
        };
        Assert.Equal(ErrorCodes.ConsentSignatureMissing, Refusal(ConsentBuilder.Request() with { Evidence = content }));
    }

    [Fact]
    public void A_drawn_signature_may_be_as_large_as_the_limit_and_no_larger()
    {
        var atLimit = SampleFiles.Png(padTo: Consent.MaxSignatureBytes);
        var overLimit = SampleFiles.Png(padTo: Consent.MaxSignatureBytes + 1);
        Assert.Equal(Consent.MaxSignatureBytes, atLimit.Length);

        Consent.Give(ConsentBuilder.Request() with { Evidence = atLimit }, Text, Now);
        Assert.Equal(ErrorCodes.ConsentSignatureMissing, Refusal(ConsentBuilder.Request() with { Evidence = overLimit }));
    }

    [Fact]
    public void A_thumbprint_photo_may_be_a_jpeg_or_a_png_and_the_evidence_carries_the_type_read_from_its_bytes()
    {
        var (jpegConsent, jpegEvidence) = Consent.Give(ConsentBuilder.Thumbprint(SampleFiles.Jpeg(padTo: 4096)), Text, Now);
        var (pngConsent, pngEvidence) = Consent.Give(ConsentBuilder.Thumbprint(SampleFiles.Png(width: 300, height: 300)), Text, Now);

        Assert.Equal(FileContent.Jpeg, jpegEvidence!.ContentType);
        Assert.Equal(FileContent.Png, pngEvidence!.ContentType);
        Assert.Equal(jpegConsent.Id, jpegEvidence.ConsentId);
        Assert.Equal(pngConsent.Id, pngEvidence.ConsentId);
        Assert.Equal(ConsentMethod.Thumbprint, jpegConsent.Method);
        Assert.Equal("volunteer-2", jpegConsent.WitnessId);
    }

    [Fact]
    public void A_drawn_signature_is_kept_as_png_evidence_of_that_consent()
    {
        var request = ConsentBuilder.Request();
        var (consent, evidence) = Consent.Give(request, Text, Now);
        Assert.Equal(FileContent.Png, evidence!.ContentType);
        Assert.Equal(consent.Id, evidence.ConsentId);
        Assert.Equal(request.Evidence, evidence.Content);
    }

    [Fact]
    public void A_thumbprint_that_is_not_an_image_is_refused()
    {
        Assert.Equal(ErrorCodes.ConsentPhotoNotImage, Refusal(ConsentBuilder.Thumbprint(SampleFiles.Pdf())));
        Assert.Equal(ErrorCodes.ConsentPhotoNotImage, Refusal(ConsentBuilder.Thumbprint(RandomBytes(4096))));
    }

    [Fact]
    public void A_thumbprint_photo_may_be_as_large_as_the_limit_and_no_larger()
    {
        Consent.Give(ConsentBuilder.Thumbprint(SampleFiles.Jpeg(padTo: Consent.MaxThumbprintBytes)), Text, Now);
        Assert.Equal(ErrorCodes.ConsentPhotoTooLarge, Refusal(ConsentBuilder.Thumbprint(SampleFiles.Jpeg(padTo: Consent.MaxThumbprintBytes + 1))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("volunteer-1")] // the volunteer taking the consent cannot witness it
    public void A_thumbprint_needs_a_second_volunteer_as_witness(string? witnessId) =>
        Assert.Equal(ErrorCodes.ConsentWitnessRequired, Refusal(ConsentBuilder.Thumbprint(SampleFiles.Jpeg(), witnessId)));

    [Fact]
    public void Records_who_gave_it_where_how_and_the_text_version_and_hash_as_shown()
    {
        var request = ConsentBuilder.Request();
        var (consent, _) = Consent.Give(request, Text, Now);

        Assert.Equal(request.ResidentId, consent.ResidentId);
        Assert.Equal(ConsentBuilder.PointId, consent.PointId);
        Assert.Equal("volunteer-1", consent.VolunteerId);
        Assert.Null(consent.WitnessId);
        Assert.Equal(ConsentMethod.DrawnSignature, consent.Method);
        Assert.Equal(Cultures.TraditionalChinese, consent.ExplanationLanguage);
        Assert.Equal("2026.1", consent.TextVersion);
        Assert.Equal(Text.HashOf(request.Choices), consent.TextHash);
        Assert.Equal("30-days", consent.DurationId);
        Assert.Equal(Now, consent.GivenAt);
    }

    [Fact]
    public void Records_each_purpose_and_one_filing_scope_per_procedure_and_reads_them_back()
    {
        var (consent, _) = Consent.Give(ConsentBuilder.Request(
            purposes: [Notify, FileProcedure, KeepScans],
            procedureCodes: [ConsentBuilder.BirthRegistrationCode, ConsentBuilder.DeathRegistrationCode]), Text, Now);

        Assert.Equal(
            new[] { KeepScans, Notify, "file-procedure:1.001193", "file-procedure:1.000656" }.Order(),
            consent.Scopes.Order());
        Assert.Equal(new[] { FileProcedure, KeepScans, Notify }.Order(), consent.Purposes.Order());
        Assert.Equal(new[] { "1.000656", "1.001193" }, consent.ProcedureCodes.Order());
    }

    [Fact]
    public void Today_given_late_in_the_evening_lasts_until_midnight_vietnam_time()
    {
        var lateEvening = new DateTimeOffset(2026, 12, 1, 16, 30, 0, TimeSpan.Zero); // 23:30 in Vietnam
        var (consent, _) = Consent.Give(ConsentBuilder.Request(durationId: "today"), Text, lateEvening);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, VietnamTime.Offset), consent.ExpiresAt);
    }

    [Fact]
    public void Today_given_just_after_midnight_utc_lasts_until_the_end_of_that_vietnamese_day()
    {
        var morning = new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.Zero); // 07:30 in Vietnam
        var (consent, _) = Consent.Give(ConsentBuilder.Request(durationId: "today"), Text, morning);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, VietnamTime.Offset), consent.ExpiresAt);
    }

    [Fact]
    public void A_duration_of_n_days_expires_n_days_after_it_was_given()
    {
        var (consent, _) = Consent.Give(ConsentBuilder.Request(durationId: "30-days"), Text, Now);
        Assert.Equal(Now.AddDays(30), consent.ExpiresAt);
    }

    [Fact]
    public void Each_consent_gets_its_own_verification_code_of_16_crockford_symbols()
    {
        var codes = Enumerable.Range(0, 100).Select(_ => Consent.Give(ConsentBuilder.Request(), Text, Now).Consent.VerificationCode).ToList();
        Assert.All(codes, code => Assert.Matches(new Regex("^[0-9A-HJKMNP-TV-Z]{16}$"), code)); // no I, L, O or U
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(20261201).NextBytes(bytes);
        return bytes;
    }
}

public sealed class ConsentCovers
{
    private static readonly DateTimeOffset Now = VietnamTime.At(new DateOnly(2026, 12, 1), new TimeOnly(18, 0));
    private static readonly ConsentText Text = ConsentBuilder.ConsentText();

    private static Consent Given(IReadOnlyCollection<string>? purposes = null, IReadOnlyCollection<string>? procedureCodes = null) =>
        Consent.Give(ConsentBuilder.Request(purposes, procedureCodes), Text, Now).Consent;

    private static Consent GivenOnlyFor(string purpose) =>
        Given([purpose], purpose == FileProcedure ? [ConsentBuilder.BirthRegistrationCode] : []);

    [Theory]
    [InlineData(ResidentAction.HandleDetails, CreateAccount, true)]
    [InlineData(ResidentAction.HandleDetails, FileProcedure, true)]
    [InlineData(ResidentAction.HandleDetails, KeepScans, true)]
    [InlineData(ResidentAction.HandleDetails, Notify, true)]
    [InlineData(ResidentAction.HandleDetails, ShareWithWard, true)]
    [InlineData(ResidentAction.CreateAccount, CreateAccount, true)]
    [InlineData(ResidentAction.CreateAccount, FileProcedure, false)]
    [InlineData(ResidentAction.CreateAccount, KeepScans, false)]
    [InlineData(ResidentAction.CreateAccount, Notify, false)]
    [InlineData(ResidentAction.CreateAccount, ShareWithWard, false)]
    [InlineData(ResidentAction.FileProcedure, CreateAccount, false)]
    [InlineData(ResidentAction.FileProcedure, FileProcedure, true)]
    [InlineData(ResidentAction.FileProcedure, KeepScans, false)]
    [InlineData(ResidentAction.FileProcedure, Notify, false)]
    [InlineData(ResidentAction.FileProcedure, ShareWithWard, false)]
    [InlineData(ResidentAction.KeepScans, CreateAccount, false)]
    [InlineData(ResidentAction.KeepScans, FileProcedure, false)]
    [InlineData(ResidentAction.KeepScans, KeepScans, true)]
    [InlineData(ResidentAction.KeepScans, Notify, false)]
    [InlineData(ResidentAction.KeepScans, ShareWithWard, false)]
    [InlineData(ResidentAction.Notify, CreateAccount, false)]
    [InlineData(ResidentAction.Notify, FileProcedure, false)]
    [InlineData(ResidentAction.Notify, KeepScans, false)]
    [InlineData(ResidentAction.Notify, Notify, true)]
    [InlineData(ResidentAction.Notify, ShareWithWard, false)]
    public void An_action_is_covered_only_by_its_own_purpose_and_any_consent_covers_handling_details(ResidentAction action, string purpose, bool covered)
    {
        var procedure = action == ResidentAction.FileProcedure ? ConsentBuilder.BirthRegistrationCode : null;
        Assert.Equal(covered, GivenOnlyFor(purpose).Covers(action, ConsentBuilder.PointId, Now, procedure));
    }

    [Fact]
    public void Filing_is_covered_only_for_the_procedures_consented_to()
    {
        var consent = Given([FileProcedure], [ConsentBuilder.BirthRegistrationCode]);
        Assert.True(consent.Covers(ResidentAction.FileProcedure, ConsentBuilder.PointId, Now, ConsentBuilder.BirthRegistrationCode));
        Assert.False(consent.Covers(ResidentAction.FileProcedure, ConsentBuilder.PointId, Now, ConsentBuilder.DeathRegistrationCode));
        Assert.False(consent.Covers(ResidentAction.FileProcedure, ConsentBuilder.PointId, Now));
    }

    [Fact]
    public void Nothing_is_covered_at_another_point()
    {
        var consent = Given([CreateAccount, FileProcedure, KeepScans, Notify, ShareWithWard], [ConsentBuilder.BirthRegistrationCode]);
        var otherPoint = Guid.NewGuid();
        Assert.All(Enum.GetValues<ResidentAction>(), action =>
            Assert.False(consent.Covers(action, otherPoint, Now, ConsentBuilder.BirthRegistrationCode)));
    }

    [Fact]
    public void Nothing_is_covered_from_the_moment_it_expires()
    {
        var consent = Given();
        Assert.True(consent.Covers(ResidentAction.HandleDetails, ConsentBuilder.PointId, consent.ExpiresAt.AddTicks(-1)));
        Assert.False(consent.Covers(ResidentAction.HandleDetails, ConsentBuilder.PointId, consent.ExpiresAt));
        Assert.False(consent.Covers(ResidentAction.Notify, ConsentBuilder.PointId, consent.ExpiresAt.AddDays(1)));
    }

    [Fact]
    public void Nothing_is_covered_once_withdrawn()
    {
        var consent = Given();
        consent.Withdraw("volunteer-1", Now.AddMinutes(5));
        Assert.False(consent.Covers(ResidentAction.HandleDetails, ConsentBuilder.PointId, Now.AddMinutes(5)));
        Assert.False(consent.Covers(ResidentAction.FileProcedure, ConsentBuilder.PointId, Now.AddMinutes(5), ConsentBuilder.BirthRegistrationCode));
    }

    [Fact]
    public void Withdrawing_twice_keeps_the_first_time_and_user()
    {
        var consent = Given();
        consent.Withdraw("volunteer-1", Now.AddMinutes(5));
        consent.Withdraw("ward-officer", Now.AddDays(2));
        Assert.Equal(Now.AddMinutes(5), consent.WithdrawnAt);
        Assert.Equal("volunteer-1", consent.WithdrawnByUserId);
    }

    [Fact]
    public void Status_is_valid_until_it_expires_and_withdrawn_once_withdrawn()
    {
        var consent = Given();
        Assert.Equal(ConsentStatus.Valid, consent.StatusAt(Now));
        Assert.Equal(ConsentStatus.Expired, consent.StatusAt(consent.ExpiresAt));

        consent.Withdraw("volunteer-1", Now.AddHours(1));
        Assert.Equal(ConsentStatus.Withdrawn, consent.StatusAt(Now.AddHours(1)));
        Assert.Equal(ConsentStatus.Withdrawn, consent.StatusAt(consent.ExpiresAt.AddDays(1)));
    }
}

public sealed class ConsentOnResidentPhone
{
    private static readonly DateTimeOffset Now = VietnamTime.At(new DateOnly(2026, 12, 1), new TimeOnly(18, 0));
    private static readonly ConsentText Text = ConsentBuilder.ConsentText();

    private static Consent Asked() =>
        Consent.Give(ConsentBuilder.Request() with { Method = ConsentMethod.ResidentPhone, Evidence = [] }, Text, Now).Consent;

    [Fact]
    public void Asked_on_the_phone_it_is_pending_covers_nothing_and_has_no_evidence()
    {
        var (consent, evidence) = Consent.Give(ConsentBuilder.Request() with { Method = ConsentMethod.ResidentPhone, Evidence = [] }, Text, Now);

        Assert.Null(evidence);
        Assert.Equal(ConsentStatus.Pending, consent.StatusAt(Now));
        Assert.False(consent.Covers(ResidentAction.HandleDetails, ConsentBuilder.PointId, Now));
        Assert.False(consent.Covers(ResidentAction.FileProcedure, ConsentBuilder.PointId, Now, ConsentBuilder.BirthRegistrationCode));
    }

    [Fact]
    public void Confirmed_on_the_phone_it_is_given_then_for_the_duration_chosen()
    {
        var consent = Asked();
        var confirmed = Now.AddMinutes(5);

        consent.ConfirmOnPhone("resident-user", Text, confirmed);

        Assert.Equal(ConsentStatus.Valid, consent.StatusAt(confirmed));
        Assert.Equal(confirmed, consent.GivenAt);
        Assert.Equal(confirmed.AddDays(30), consent.ExpiresAt);
        Assert.Equal("resident-user", consent.ConfirmedByUserId);
        Assert.True(consent.Covers(ResidentAction.FileProcedure, ConsentBuilder.PointId, confirmed, ConsentBuilder.BirthRegistrationCode));
    }

    [Fact]
    public void Unconfirmed_past_the_window_it_expires_and_can_no_longer_be_confirmed()
    {
        var consent = Asked();
        var late = Now + Consent.PhoneConfirmationWindow;

        Assert.Equal(ConsentStatus.Expired, consent.StatusAt(late));
        Assert.Equal(ErrorCodes.ConsentNotPending, Assert.Throws<DomainException>(() => consent.ConfirmOnPhone("resident-user", Text, late)).Code);
    }

    [Fact]
    public void A_confirmed_or_withdrawn_consent_cannot_be_confirmed_again()
    {
        var confirmed = Asked();
        confirmed.ConfirmOnPhone("resident-user", Text, Now);
        Assert.Equal(ErrorCodes.ConsentNotPending, Assert.Throws<DomainException>(() => confirmed.ConfirmOnPhone("resident-user", Text, Now)).Code);

        var withdrawn = Asked();
        withdrawn.Withdraw("resident-user", Now);
        Assert.Equal(ErrorCodes.ConsentNotPending, Assert.Throws<DomainException>(() => withdrawn.ConfirmOnPhone("resident-user", Text, Now)).Code);
    }
}
