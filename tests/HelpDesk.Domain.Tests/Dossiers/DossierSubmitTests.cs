using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Dossiers;
using HelpDesk.Domain.Procedures;
using static HelpDesk.Domain.Tests.Dossiers.DossierBuilder;

namespace HelpDesk.Domain.Tests.Dossiers;

public sealed class DossierSubmit
{
    private static readonly DateTimeOffset Evening = Hanoi(2026, 4, 21, 19, 30); // a Tuesday session

    private static Dossier Submit(bool complete = true, IReadOnlyCollection<string>? missing = null, string role = Roles.Volunteer,
        DossierNumber? number = null, ProcedureDefinition? procedure = null, DossierDraft? draft = null, TrackingCode? code = null)
    {
        procedure ??= Procedure();
        return Dossier.Submit(draft ?? Draft(procedure), procedure, Guid.NewGuid(), Guid.NewGuid(), number ?? DossierNumber.For("CL01", Evening, 7),
            code ?? TrackingCode.New(), complete, missing ?? [], VolunteerId, Evening, role);
    }

    [Fact]
    public void Files_the_draft_as_a_submitted_dossier_with_its_number_answers_and_the_hash_of_its_tracking_code()
    {
        var procedure = Procedure();
        var draft = Draft(procedure);
        var code = TrackingCode.New();
        var residentId = Guid.NewGuid();
        var consentId = Guid.NewGuid();

        var dossier = Dossier.Submit(draft, procedure, residentId, consentId, DossierNumber.For("CL01", Evening, 7), code,
            complete: true, missingDocuments: [], VolunteerId, Evening);

        Assert.Equal(DossierStatus.Submitted, dossier.Status);
        Assert.Equal("CL01-260421-0007", dossier.Number);
        Assert.Equal(code.LookupHash, dossier.TrackingCodeHash);
        Assert.DoesNotContain(code.Compact, dossier.TrackingCodeHash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((draft.Id, procedure.Code, residentId, draft.PointId, consentId), (dossier.DraftId, dossier.ProcedureCode, dossier.ResidentId, dossier.PointId, dossier.ConsentId));
        Assert.Equal((VolunteerId, Cultures.SimplifiedChinese, Evening), (dossier.FiledBy, dossier.ResidentLanguage, dossier.SubmittedAt));
        Assert.Equal(new Dictionary<string, string> { ["fullName"] = "Lâm Ngọc Mai" }, dossier.Answers);
        Assert.Null(dossier.ReceivedAt);
        Assert.Null(dossier.DueDate);
        Assert.Null(dossier.AssignedTo);
    }

    [Fact]
    public void Keeps_the_tracking_code_itself_so_the_slip_can_be_reprinted_with_it()
    {
        var code = TrackingCode.New();
        var dossier = Submit(code: code);
        Assert.Equal(code.Compact, dossier.TrackingCodeCompact);
        Assert.Equal(TrackingCodeCheck.Valid, TrackingCode.Parse(dossier.TrackingCodeCompact, out var reread));
        Assert.Equal(dossier.TrackingCodeHash, reread!.LookupHash);
    }

    [Fact]
    public void Records_a_first_transition_from_no_status_by_the_volunteer()
    {
        var transition = Assert.Single(Submit().Transitions);
        Assert.Equal(new DossierTransition(null, DossierStatus.Submitted, VolunteerId, Roles.Volunteer, Evening, null, null), transition);
    }

    [Fact]
    public void Keeps_the_answers_as_submitted_when_the_draft_changes_later()
    {
        var procedure = Procedure();
        var draft = Draft(procedure);
        var dossier = Submit(procedure: procedure, draft: draft);
        draft.SaveStep(procedure.Steps[0], new Dictionary<string, string> { ["fullName"] = "Trần Văn Bình" }, 0, Evening);
        Assert.Equal("Lâm Ngọc Mai", dossier.Answers["fullName"]);
    }

    [Fact]
    public void Is_refused_when_the_form_is_incomplete() =>
        Assert.Equal(ErrorCodes.DossierIncomplete, Refused(() => Submit(complete: false)));

    [Fact]
    public void Is_refused_when_a_required_document_is_missing() =>
        Assert.Equal(ErrorCodes.DossierDocumentsMissing, Refused(() => Submit(missing: ["birth-certificate"])));

    [Fact]
    public void May_be_made_by_a_ward_officer_on_desk_duty()
    {
        var dossier = Submit(role: Roles.WardStaff);
        Assert.Equal(Roles.WardStaff, dossier.Transitions[0].Role);
    }

    [Theory]
    [InlineData(Roles.Leader)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Resident)]
    public void Is_refused_to_roles_that_do_not_file_at_a_desk(string role) =>
        Assert.Equal(ErrorCodes.DossierRoleNotAllowed, Refused(() => Submit(role: role)));

    [Fact]
    public void Needs_a_number_carrying_the_Vietnam_date_of_submission() =>
        Assert.Throws<ArgumentException>(() => Submit(number: new DossierNumber("CL01", new DateOnly(2026, 4, 20), 7)));

    [Fact]
    public void Needs_the_procedure_of_the_draft()
    {
        var other = Procedure() with { Code = "1.004194" };
        Assert.Throws<ArgumentException>(() => Submit(procedure: other, draft: Draft(Procedure())));
    }
}
