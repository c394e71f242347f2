using System.Net;
using AngleSharp.Html.Dom;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Audit;
using HelpDesk.Domain.Consents;
using HelpDesk.Domain.Places;
using HelpDesk.Domain.Procedures;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Tests.Accounts;
using HelpDesk.Web.Tests.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Consents;

/// <summary>
/// Recording a resident's consent at the desk, its receipt and public check, withdrawal, and the
/// rule that filing needs a valid consent covering the procedure at the point, on every request.
/// </summary>
public abstract class ConsentPagesTests(DatabaseProviderChoice choice)
{
    private const string BirthRegistration = "1.001193";
    private const string BusinessHousehold = "1.001612";
    private const string SignatureField = "Signature";
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));
    private static string SignatureDataUrl => "data:image/png;base64," + Convert.ToBase64String(ResidentFixture.SignaturePng);

    private sealed record Desk(HelpDeskApp App, PageClient Client, TestAccount Volunteer, Guid VisitId, Guid ResidentId, Guid PointId)
    {
        public string VisitPath => $"/desk/visits/{VisitId}";

        public T InScope<T>(Func<HelpDeskDbContext, T> read)
        {
            using var scope = App.Services.CreateScope();
            return read(scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>());
        }
    }

    /// <summary>A volunteer on shift, in a visit serving Lâm Văn Phúc (林文福), who reads Traditional Chinese.</summary>
    private async Task<Desk> OnShiftAsync()
    {
        var app = new HelpDeskApp(choice.Provider);
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var point = await app.CreatePointAsync("TN01", volunteer.UserId);
        var client = PageClient.For(app);
        await client.SignInAsync(volunteer);
        var (_, desk) = await client.GetAsync("/desk");
        (_, desk) = await client.SubmitAsync(desk, "form[action*='handler=CheckIn']");
        var (_, visit) = await client.SubmitAsync(desk, "form[action*='handler=StartVisit']");
        var visitId = Guid.Parse(new Uri(visit.Url).Segments.Last());
        var resident = await app.ServeResidentAsync(visitId, "Lâm Văn Phúc", "林文福");
        return new Desk(app, client, volunteer, visitId, resident, point.Id);
    }

    private static void Tick(IHtmlDocument page, params string[] testIds)
    {
        foreach (var id in testIds) ((IHtmlInputElement)page.QuerySelector($"[data-testid='{id}']")!).IsChecked = true;
    }

    /// <summary>Consents by drawn signature to filing a birth registration (and keeping scans), for 30 days.</summary>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> SignAsync(Desk desk, params string[] procedures)
    {
        var (_, form) = await desk.Client.GetAsync(desk.VisitPath + "/consent");
        Tick(form, "purpose-file-procedure", "purpose-keep-scans");
        Tick(form, (procedures.Length == 0 ? [BirthRegistration] : procedures).Select(p => "procedure-" + p).ToArray());
        return await desk.Client.SubmitAsync(form, "[data-testid=consent-form]", new Dictionary<string, string>
        {
            ["Duration"] = "30-days", ["Method"] = nameof(ConsentMethod.DrawnSignature), [SignatureField] = SignatureDataUrl,
        });
    }

    private static async Task<IHtmlDocument> StartFilingAsync(Desk desk, string code)
    {
        var (_, start) = await desk.Client.GetAsync(desk.VisitPath + "/file");
        var (_, next) = await desk.Client.SubmitAsync(start, "[data-testid=start-form]", new Dictionary<string, string> { ["ProcedureCode"] = code });
        return next;
    }

    private static string Path(IHtmlDocument page) => new Uri(page.Url).AbsolutePath;

    [Fact]
    public async Task The_form_shows_the_binding_vietnamese_text_beside_its_chinese_explanation_with_nothing_ticked()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;

        var (response, form) = await desk.Client.GetAsync(desk.VisitPath + "/consent");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = desk.App.Services.GetRequiredService<ConsentTexts>().Current;
        Assert.Contains("Điểm hỗ trợ TN01", form.QuerySelector("[data-testid=binding-text]")!.TextContent);
        var explanation = form.QuerySelector("[data-testid=explanation-text]")!;
        Assert.Equal("zh-Hant", explanation.GetAttribute("lang"));
        Assert.Contains(text.ExplanationNote.In("zh-Hant"), explanation.TextContent);
        Assert.Equal(ConsentPurpose.All.Count, form.QuerySelectorAll("input[name=Purposes]").Length);
        Assert.Empty(form.QuerySelectorAll("input[name=Purposes][checked], input[name=ProcedureCodes][checked]"));
        Assert.Null(form.QuerySelector($"[data-testid='procedure-1.000894']")); // marriage: in person only
    }

    [Fact]
    public async Task A_drawn_signature_records_the_text_version_and_hash_the_choices_and_who_took_it()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;

        var (_, receipt) = await SignAsync(desk);

        Assert.Matches($"^/desk/visits/{desk.VisitId}/consents/[0-9a-f-]+$", Path(receipt));
        var consent = desk.InScope(db => db.Consents.Single());
        var text = desk.App.Services.GetRequiredService<ConsentTexts>().Current;
        var catalog = desk.App.Services.GetRequiredService<ProcedureCatalog>();
        var choices = new ConsentChoices([ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], [catalog.FindByCode(BirthRegistration)!.Name],
            "30-days", "Điểm hỗ trợ TN01", TestAccounts.WardName);
        Assert.Equal(text.Version, consent.TextVersion);
        Assert.Equal(text.HashOf(choices), consent.TextHash);
        Assert.Equal([ConsentPurpose.FileProcedure, ConsentPurpose.KeepScans], consent.Purposes);
        Assert.Equal([BirthRegistration], consent.ProcedureCodes);
        Assert.Equal(desk.Volunteer.UserId, consent.VolunteerId);
        Assert.Equal(desk.PointId, consent.PointId);
        Assert.Equal(ConsentMethod.DrawnSignature, consent.Method);
        Assert.Equal("zh-Hant", consent.ExplanationLanguage);
        Assert.Equal(consent.GivenAt.AddDays(30), consent.ExpiresAt);

        // The signature is kept encrypted: the stored bytes are not the PNG that was drawn.
        var stored = desk.InScope(db => db.Database.SqlQueryRaw<byte[]>("SELECT \"Content\" AS \"Value\" FROM \"ConsentEvidence\"").Single());
        Assert.False(stored.AsSpan().StartsWith(ResidentFixture.SignaturePng.AsSpan(0, 8)));
        Assert.Equal(ResidentFixture.SignaturePng, desk.InScope(db => db.ConsentEvidence.Single()).Content);
        Assert.Contains(desk.InScope(db => db.AuditEvents.ToList()),
            e => e.Action == AuditActions.ConsentGiven && e.ResidentId == desk.ResidentId && e.Subject == $"consent:{consent.Id}");
    }

    [Fact]
    public async Task The_receipt_is_bilingual_and_its_qr_opens_a_public_check_without_personal_data()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        var (_, receipt) = await SignAsync(desk);
        var text = desk.App.Services.GetRequiredService<ConsentTexts>().Current;

        Assert.Contains("Lâm Văn Phúc", receipt.QuerySelector("[data-testid=receipt-resident]")!.TextContent);
        Assert.Contains(text.ExplanationNote.In("zh-Hant"), receipt.QuerySelector("[data-testid=receipt-explanation]")!.TextContent);
        Assert.StartsWith("data:image/svg+xml;base64,", receipt.QuerySelector("[data-testid=verify-qr]")!.GetAttribute("src"));
        var (evidence, _) = await desk.Client.GetAsync(receipt.QuerySelector("[data-testid=receipt-evidence]")!.GetAttribute("src")!);
        Assert.Equal("image/png", evidence.Content.Headers.ContentType!.MediaType);

        var checkUrl = new Uri(receipt.QuerySelector("[data-testid=verify-url]")!.TextContent.Trim());
        var anonymous = PageClient.For(desk.App);
        var (response, check) = await anonymous.GetAsync(checkUrl.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ResourceFiles.Value("vi", "ConsentStatus_Valid"), check.QuerySelector("[data-testid=consent-status]")!.TextContent);
        Assert.DoesNotContain("Lâm", check.Body!.TextContent);
        Assert.DoesNotContain("林文福", check.Body.TextContent);

        var (unknown, _) = await anonymous.GetAsync("/c/0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Without_a_purpose_or_a_signature_nothing_is_recorded_and_the_errors_are_localised()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        var (_, form) = await desk.Client.GetAsync(desk.VisitPath + "/consent");

        var (_, noPurpose) = await desk.Client.SubmitAsync(form, "[data-testid=consent-form]", new Dictionary<string, string> { [SignatureField] = SignatureDataUrl });
        Assert.Equal(ResourceFiles.Value("vi", "Error_ConsentNoPurpose"), noPurpose.QuerySelector("[data-testid=error-Purposes]")!.TextContent.Trim());

        Tick(form, "purpose-notify");
        var (_, unsigned) = await desk.Client.SubmitAsync(form, "[data-testid=consent-form]");
        Assert.Equal(ResourceFiles.Value("vi", "Error_ConsentSignatureMissing"), unsigned.QuerySelector("[data-testid=error-Signature]")!.TextContent.Trim());

        Tick(form, "purpose-file-procedure");
        var (_, noProcedure) = await desk.Client.SubmitAsync(form, "[data-testid=consent-form]", new Dictionary<string, string> { [SignatureField] = SignatureDataUrl });
        Assert.Equal(ResourceFiles.Value("vi", "Error_ConsentNoProcedure"), noProcedure.QuerySelector("[data-testid=error-ProcedureCodes]")!.TextContent.Trim());

        var (_, noMethod) = await desk.Client.SubmitAsync(form, "[data-testid=consent-form]", new Dictionary<string, string> { ["Method"] = "" });
        Assert.Equal(ResourceFiles.Value("vi", "Error_FieldRequired"), noMethod.QuerySelector("[data-testid=error-Method]")!.TextContent.Trim());

        Assert.Equal(0, desk.InScope(db => db.Consents.Count()));
        Assert.Equal(0, desk.InScope(db => db.ConsentEvidence.Count()));
    }

    [Fact]
    public async Task A_thumbprint_needs_an_image_and_a_second_volunteer_on_shift_at_the_same_point()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        var photo = ("Thumbprint", "thumb.jpg", ResidentFixture.SignaturePng, "image/jpeg");
        var witness = await desk.App.CreateAsync(Roles.Volunteer);
        desk.InScope(db => { db.PointAssignments.Add(new PointAssignment(desk.PointId, witness.UserId, DateTimeOffset.UtcNow)); return db.SaveChanges(); });
        var thumbprint = new Dictionary<string, string> { ["Method"] = nameof(ConsentMethod.Thumbprint), ["Duration"] = "today" };
        var (_, form) = await desk.Client.GetAsync(desk.VisitPath + "/consent");
        Tick(form, "purpose-create-account");

        var (_, noWitness) = await desk.Client.SubmitWithFilesAsync(form, "[data-testid=consent-form]", thumbprint, photo);
        Assert.Equal(ResourceFiles.Value("vi", "Error_ConsentWitnessRequired"), noWitness.QuerySelector("[data-testid=error-WitnessId]")!.TextContent.Trim());

        var (_, offShift) = await desk.Client.SubmitWithFilesAsync(form, "[data-testid=consent-form]",
            new Dictionary<string, string>(thumbprint) { ["WitnessId"] = witness.UserId }, photo);
        Assert.Equal(ResourceFiles.Value("vi", "Error_ConsentWitnessNotOnShift"), offShift.QuerySelector("[data-testid=error-WitnessId]")!.TextContent.Trim());

        var witnessClient = PageClient.For(desk.App);
        await witnessClient.SignInAsync(witness);
        var (_, witnessDesk) = await witnessClient.GetAsync("/desk");
        await witnessClient.SubmitAsync(witnessDesk, "form[action*='handler=CheckIn']");
        (_, form) = await desk.Client.GetAsync(desk.VisitPath + "/consent");
        Tick(form, "purpose-create-account");
        Assert.NotNull(form.QuerySelector($"[data-testid=witness] option[value='{witness.UserId}']"));

        var notAnImage = ("Thumbprint", "thumb.jpg", "not a photo at all"u8.ToArray(), "image/jpeg");
        var (_, refused) = await desk.Client.SubmitWithFilesAsync(form, "[data-testid=consent-form]",
            new Dictionary<string, string>(thumbprint) { ["WitnessId"] = witness.UserId }, notAnImage);
        Assert.Equal(ResourceFiles.Value("vi", "Error_ConsentPhotoNotImage"), refused.QuerySelector("[data-testid=error-Thumbprint]")!.TextContent.Trim());
        Assert.Equal(0, desk.InScope(db => db.Consents.Count()));

        var (_, receipt) = await desk.Client.SubmitWithFilesAsync(form, "[data-testid=consent-form]",
            new Dictionary<string, string>(thumbprint) { ["WitnessId"] = witness.UserId }, photo);
        Assert.Matches("/consents/[0-9a-f-]+$", Path(receipt));
        var consent = desk.InScope(db => db.Consents.Single());
        Assert.Equal(ConsentMethod.Thumbprint, consent.Method);
        Assert.Equal(witness.UserId, consent.WitnessId);
        Assert.Equal("image/png", desk.InScope(db => db.ConsentEvidence.Single()).ContentType);
    }

    [Fact]
    public async Task Filing_is_refused_without_a_consent_and_for_a_procedure_the_consent_does_not_cover()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;

        var refused = await StartFilingAsync(desk, BirthRegistration);
        Assert.Equal(ResourceFiles.Value("vi", "Error_ConsentRequired"), refused.QuerySelector("[data-testid=filing-error]")!.TextContent.Trim());

        await SignAsync(desk, BusinessHousehold);
        refused = await StartFilingAsync(desk, BirthRegistration);
        Assert.Equal(ResourceFiles.Value("vi", "Error_ConsentRequired"), refused.QuerySelector("[data-testid=filing-error]")!.TextContent.Trim());
        Assert.Equal(0, desk.InScope(db => db.DossierDrafts.Count()));

        var started = await StartFilingAsync(desk, BusinessHousehold);
        Assert.EndsWith("/steps/1", Path(started));
        Assert.Equal(2, desk.InScope(db => db.AuditEvents.Count(e => e.Action == AuditActions.AccessRefused && e.ResidentId == desk.ResidentId)));
    }

    [Fact]
    public async Task An_expired_consent_no_longer_opens_a_draft()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        // A consent for "today only" given yesterday evening ended at midnight.
        desk.App.SetClock(During.AddDays(-1));
        await desk.App.GiveConsentAsync(desk.VisitId, [ConsentPurpose.FileProcedure], BirthRegistration);
        desk.App.SetClock(During);

        var refused = await StartFilingAsync(desk, BirthRegistration);

        Assert.Equal(ResourceFiles.Value("vi", "Error_ConsentRequired"), refused.QuerySelector("[data-testid=filing-error]")!.TextContent.Trim());
        var (_, visit) = await desk.Client.GetAsync(desk.VisitPath);
        Assert.NotNull(visit.QuerySelector("[data-testid=consent-expired]"));
        Assert.NotNull(visit.QuerySelector("[data-testid=consent-needed]"));
    }

    [Fact]
    public async Task Withdrawal_at_the_desk_takes_effect_at_once()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        var (_, receipt) = await SignAsync(desk);
        var step = await StartFilingAsync(desk, BirthRegistration);
        Assert.EndsWith("/steps/1", Path(step));

        var (_, withdrawn) = await desk.Client.SubmitAsync(receipt, "form[action*='handler=Withdraw']");

        Assert.Contains(ResourceFiles.Value("vi", "ConsentStatus_Withdrawn"), withdrawn.QuerySelector("[data-testid=consent-status]")!.TextContent);
        Assert.Null(withdrawn.QuerySelector("[data-testid=withdraw]"));
        var (_, blocked) = await desk.Client.GetAsync(Path(step));
        Assert.Equal(desk.VisitPath, Path(blocked));
        Assert.Equal(ResourceFiles.Value("vi", "Consent_NeededToFile"), blocked.QuerySelector("[data-testid=visit-message]")!.TextContent.Trim());
        var (_, review) = await desk.Client.GetAsync(Path(step).Replace("/steps/1", "/review"));
        Assert.Equal(desk.VisitPath, Path(review));

        var code = desk.InScope(db => db.Consents.Single()).VerificationCode;
        var (_, check) = await PageClient.For(desk.App).GetAsync($"/c/{code}");
        Assert.Contains(ResourceFiles.Value("vi", "ConsentStatus_Withdrawn"), check.QuerySelector("[data-testid=consent-status]")!.TextContent);
        var audit = desk.InScope(db => db.AuditEvents.ToList());
        Assert.Single(audit, e => e.Action == AuditActions.ConsentWithdrawn && e.UserId == desk.Volunteer.UserId);
    }

    [Fact]
    public async Task Another_volunteers_visit_and_its_consents_are_not_found()
    {
        var desk = await OnShiftAsync();
        await using var _app = desk.App;
        var (_, receipt) = await SignAsync(desk);
        var other = await desk.App.CreateAsync(Roles.Volunteer);
        desk.InScope(db => { db.PointAssignments.Add(new PointAssignment(desk.PointId, other.UserId, DateTimeOffset.UtcNow)); return db.SaveChanges(); });
        var intruder = PageClient.For(desk.App);
        await intruder.SignInAsync(other);
        var (_, otherDesk) = await intruder.GetAsync("/desk");
        await intruder.SubmitAsync(otherDesk, "form[action*='handler=CheckIn']");

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync(desk.VisitPath + "/consent")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync(Path(receipt))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Http.GetAsync(Path(receipt) + "?handler=Evidence")).StatusCode);
    }
}

public sealed class ConsentPagesTestsOnSqlite() : ConsentPagesTests(DatabaseProviderChoice.Sqlite);
public sealed class ConsentPagesTestsOnPostgres() : ConsentPagesTests(DatabaseProviderChoice.Postgres);
