using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Places;
using HelpDesk.Domain.Procedures;
using static HelpDesk.Domain.Tests.Procedures.ProcedureBuilder;

namespace HelpDesk.Domain.Tests.Procedures;

public sealed class DossierDraftTests
{
    private static readonly DateTimeOffset Now = VietnamTime.At(new DateOnly(2026, 12, 1), new TimeOnly(18, 0)); // a Tuesday

    private static readonly FormStep Child = new("child", Text("Trẻ"), [Field("childName", FieldType.PersonName), Field("home", FieldType.Address)]);
    private static readonly FormStep Parents = new("parents", Text("Cha mẹ"),
        [Field("mother", FieldType.PersonBlock, fields: [Field("motherName", FieldType.PersonName)], minItems: 1, maxItems: 3)]);

    private static ProcedureDefinition Procedure(bool proxyAllowed = true) => new(
        "1.001193", "birth-registration", Text("Khai sinh"), Text("Tóm tắt"), Text("UBND"), TimeLimit.SameDay, Text("Miễn phí"),
        new ProxyRule(proxyAllowed, null), [], [Child, Parents]);

    private static Visit OpenVisit()
    {
        var point = new ServicePoint(Guid.NewGuid(), "TN01", "Điểm TN01", "1 Nguyễn Trãi");
        point.ReplaceSchedule([new WeeklySession(DayOfWeek.Tuesday, new TimeOnly(17, 30), new TimeOnly(20, 30))]);
        var shift = Shift.CheckIn("volunteer-1", point, isAssignedToPoint: true, hasOpenShift: false, Now);
        return Visit.Open(shift, null, Now);
    }

    private static DossierDraft Started() => DossierDraft.Start(Procedure(), OpenVisit(), Cultures.TraditionalChinese, Now);

    [Fact]
    public void Start_records_the_visit_the_volunteer_and_the_residents_language()
    {
        var visit = OpenVisit();
        var draft = DossierDraft.Start(Procedure(), visit, Cultures.TraditionalChinese, Now);
        Assert.Equal("1.001193", draft.ProcedureCode);
        Assert.Equal(visit.Id, draft.VisitId);
        Assert.Equal(visit.PointId, draft.PointId);
        Assert.Equal("volunteer-1", draft.VolunteerId);
        Assert.Equal(Cultures.TraditionalChinese, draft.ResidentLanguage);
        Assert.Empty(draft.Answers);
        Assert.Equal(0, draft.CurrentStep);
    }

    [Fact]
    public void Start_is_refused_for_a_procedure_only_the_person_may_file()
    {
        var refused = Assert.Throws<DomainException>(() => DossierDraft.Start(Procedure(proxyAllowed: false), OpenVisit(), Cultures.Vietnamese, Now));
        Assert.Equal(ErrorCodes.ProxyNotAllowed, refused.Code);
    }

    [Fact]
    public void Start_is_refused_for_a_closed_visit_or_an_unknown_language()
    {
        var visit = OpenVisit();
        Assert.Equal(ErrorCodes.FieldChoice, Assert.Throws<DomainException>(() => DossierDraft.Start(Procedure(), visit, "klingon", Now)).Code);
        visit.Close(VisitPurpose.FileDossier, Cultures.Vietnamese, VisitOutcome.GuidedOnly, Now);
        Assert.Equal(ErrorCodes.VisitClosed, Assert.Throws<DomainException>(() => DossierDraft.Start(Procedure(), visit, Cultures.Vietnamese, Now)).Code);
    }

    [Fact]
    public void SaveStep_stores_the_answers_and_moves_to_the_next_screen()
    {
        var draft = Started();
        draft.SaveStep(Child, new Dictionary<string, string> { ["childName"] = "Lâm Gia Huy", ["home.street"] = "12 Lê Lợi" }, 0, Now.AddMinutes(2));
        Assert.Equal("Lâm Gia Huy", draft.Answers["childName"]);
        Assert.Equal(1, draft.CurrentStep);
        Assert.Equal(Now.AddMinutes(2), draft.UpdatedAt);
    }

    [Fact]
    public void SaveStep_replaces_the_steps_address_parts_and_block_items_but_keeps_other_steps()
    {
        var draft = Started();
        draft.SaveStep(Child, new Dictionary<string, string> { ["childName"] = "Lâm Gia Huy", ["home.street"] = "12 Lê Lợi", ["home.ward"] = "Chợ Lớn", ["home.province"] = "TP.HCM" }, 0, Now);
        draft.SaveStep(Parents, new Dictionary<string, string> { ["mother[0].motherName"] = "Trần Thị A", ["mother[1].motherName"] = "Trần Thị B" }, 1, Now);

        draft.SaveStep(Parents, new Dictionary<string, string> { ["mother[0].motherName"] = "Trần Thị C" }, 1, Now);
        draft.SaveStep(Child, new Dictionary<string, string> { ["childName"] = "Lâm Gia Bảo" }, 0, Now);

        Assert.Equal(new Dictionary<string, string> { ["childName"] = "Lâm Gia Bảo", ["mother[0].motherName"] = "Trần Thị C" }, draft.Answers);
        Assert.Equal(1, draft.CurrentStep);
    }

    [Fact]
    public void SaveStep_ignores_keys_of_fields_outside_the_step()
    {
        var draft = Started();
        draft.SaveStep(Child, new Dictionary<string, string> { ["childName"] = "Lâm Gia Huy", ["mother[0].motherName"] = "Trần Thị A" }, 0, Now);
        Assert.False(draft.Answers.ContainsKey("mother[0].motherName"));
    }

    [Fact]
    public void A_draft_is_complete_only_when_every_step_validates()
    {
        var draft = Started();
        var procedure = Procedure();
        draft.SaveStep(Child, new Dictionary<string, string> { ["childName"] = "Lâm Gia Huy", ["home.street"] = "12 Lê Lợi", ["home.ward"] = "Chợ Lớn", ["home.province"] = "TP.HCM" }, 0, Now);
        Assert.False(draft.IsComplete(procedure));
        draft.SaveStep(Parents, new Dictionary<string, string> { ["mother[0].motherName"] = "Trần Thị A" }, 1, Now);
        Assert.True(draft.IsComplete(procedure));
    }
    [Fact]
    public void Typing_kept_on_a_screen_is_laid_over_the_saved_answers_of_that_screen_only()
    {
        var draft = Started();
        draft.SaveStep(Child, new Dictionary<string, string> { ["childName"] = "Lâm Gia Huy" }, 0, Now);
        draft.SaveStep(Parents, new Dictionary<string, string> { ["mother[0].motherName"] = "Trần Thị Mai" }, 1, Now);

        var kept = draft.KeepTyped(Child, 0, new Dictionary<string, string> { ["childName"] = "Lâm Gia H", ["mother[0].motherName"] = "not this screen's" }, draft.Revision, Now);

        Assert.True(kept);
        Assert.True(draft.HasTypedOn(0));
        Assert.Equal("Lâm Gia H", draft.ValuesFor(Child, 0)["childName"]);
        Assert.Equal("Trần Thị Mai", draft.ValuesFor(Child, 0)["mother[0].motherName"]);
        Assert.Equal("Lâm Gia Huy", draft.ValuesFor(Parents, 1)["childName"]);
        Assert.Equal("Lâm Gia Huy", draft.Answers["childName"]);
    }

    [Fact]
    public void Saving_the_screen_clears_what_was_kept_and_typing_from_an_older_page_is_ignored()
    {
        var draft = Started();
        var seen = draft.Revision;
        draft.KeepTyped(Child, 0, new Dictionary<string, string> { ["childName"] = "Lâm" }, seen, Now);
        draft.SaveStep(Child, new Dictionary<string, string> { ["childName"] = "Lâm Gia Huy" }, 0, Now);

        Assert.False(draft.HasTypedOn(0));
        Assert.False(draft.KeepTyped(Child, 0, new Dictionary<string, string> { ["childName"] = "Lâm Gi" }, seen, Now));
        Assert.Equal("Lâm Gia Huy", draft.ValuesFor(Child, 0)["childName"]);
    }

    [Fact]
    public void Kept_values_are_cut_to_a_bounded_length()
    {
        var draft = Started();
        draft.KeepTyped(Child, 0, new Dictionary<string, string> { ["childName"] = new string('a', 5000) }, draft.Revision, Now);
        Assert.Equal(DossierDraft.MaxTypedLength, draft.Typed["childName"].Length);
    }

    [Fact]
    public void MarkSubmitted_records_the_dossier_and_the_time_once()
    {
        var draft = Started();
        var dossierId = Guid.NewGuid();

        draft.MarkSubmitted(dossierId, Now.AddMinutes(20));

        Assert.True(draft.IsSubmitted);
        Assert.Equal(dossierId, draft.DossierId);
        Assert.Equal(Now.AddMinutes(20), draft.SubmittedAt);
        Assert.Equal(ErrorCodes.DossierMoveNotAllowed, Assert.Throws<DomainException>(() => draft.MarkSubmitted(Guid.NewGuid(), Now.AddMinutes(21))).Code);
        Assert.Equal(dossierId, draft.DossierId);
    }
}

public sealed class DossierDraftContinueIn
{
    private static readonly DateTimeOffset During = HelpDesk.Domain.Tests.Places.Points.At(HelpDesk.Domain.Tests.Places.Points.Tuesday, 18);

    private static HelpDesk.Domain.Desk.Visit OpenVisit(string volunteer)
    {
        var shift = HelpDesk.Domain.Desk.Shift.CheckIn(volunteer, HelpDesk.Domain.Tests.Places.Points.Evening(), true, false, During);
        return HelpDesk.Domain.Desk.Visit.Open(shift, null, During);
    }

    [Fact]
    public void Moves_the_draft_with_its_answers_to_the_new_visit_and_its_volunteer()
    {
        var procedure = new ProcedureDefinition("1.001193", "birth-registration", ProcedureBuilder.Text("Khai sinh"), ProcedureBuilder.Text("s"),
            ProcedureBuilder.Text("a"), TimeLimit.SameDay, ProcedureBuilder.Text("f"), new ProxyRule(true, null), [],
            [ProcedureBuilder.Step(ProcedureBuilder.Field("childFullName", FieldType.PersonName))]);
        var draft = DossierDraft.Start(procedure, OpenVisit("v1"), Cultures.TraditionalChinese, During);
        draft.SaveStep(procedure.Steps[0], new Dictionary<string, string> { ["childFullName"] = "Lâm Gia Huy" }, 0, During);

        var later = OpenVisit("v2");
        draft.ContinueIn(later, During.AddDays(7));
        Assert.Equal(later.Id, draft.VisitId);
        Assert.Equal("v2", draft.VolunteerId);
        Assert.Equal("Lâm Gia Huy", draft.Answers["childFullName"]);

        later.Close(HelpDesk.Domain.Desk.VisitPurpose.FileDossier, Cultures.Vietnamese, HelpDesk.Domain.Desk.VisitOutcome.DossierFiled, During.AddDays(7));
        Assert.Equal(ErrorCodes.VisitClosed, Assert.Throws<DomainException>(() => draft.ContinueIn(later, During.AddDays(8))).Code);
    }
}
