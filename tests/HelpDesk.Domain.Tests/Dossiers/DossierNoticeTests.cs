using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Dossiers;
using static HelpDesk.Domain.Tests.Dossiers.DossierBuilder;

namespace HelpDesk.Domain.Tests.Dossiers;

/// <summary>Which notice (Mẫu 02–04) a dossier has, and what it says: it tells of the move that made it.</summary>
public sealed class DossierNoticeTests
{
    [Theory]
    [InlineData(DossierStatus.Submitted)]
    [InlineData(DossierStatus.Received)]
    [InlineData(DossierStatus.InProcessing)]
    [InlineData(DossierStatus.ResultReady)]
    [InlineData(DossierStatus.Returned)]
    [InlineData(DossierStatus.Withdrawn)]
    public void A_dossier_no_officer_asked_more_of_refused_or_delayed_has_no_notice(DossierStatus status) =>
        Assert.Empty(DossierNotice.AllFor(InStatus(status)));

    [Fact]
    public void A_supplement_request_tells_the_papers_asked_for_the_reason_and_who_asked_until_the_papers_are_received()
    {
        var dossier = Received();
        var asked = Hanoi(2026, 3, 3, 14);
        dossier.RequestSupplement(OfficerId, Roles.WardStaff, Reason, asked, ["birth-certificate", "id-card"]);

        var notice = Assert.Single(DossierNotice.AllFor(dossier));
        Assert.Equal(NoticeKind.Supplement, notice.Kind);
        Assert.Equal(["birth-certificate", "id-card"], notice.RequestedDocuments);
        Assert.Equal((Reason, OfficerId, asked), (notice.Move.Reason, notice.Move.By, notice.Move.At));

        dossier.Resubmit(VolunteerId, Roles.Volunteer, asked.AddDays(1));
        Assert.NotNull(DossierNotice.For(dossier, NoticeKind.Supplement)); // brought back, not yet received

        dossier.Receive(OfficerId, Roles.WardStaff, asked.AddDays(2), FiveWorkingDays, WorkCalendar);
        Assert.Null(DossierNotice.For(dossier, NoticeKind.Supplement));
    }

    [Theory]
    [InlineData(DossierStatus.NotAccepted)]
    [InlineData(DossierStatus.Rejected)]
    public void A_refusal_at_intake_or_after_processing_tells_its_reason(DossierStatus status)
    {
        var notice = Assert.Single(DossierNotice.AllFor(InStatus(status)));
        Assert.Equal(NoticeKind.Refusal, notice.Kind);
        Assert.Equal(status, notice.Move.To);
        Assert.Equal(Reason, notice.Move.Reason);
    }

    [Fact]
    public void A_new_date_tells_the_date_first_given_and_the_new_one_and_stays_after_the_result_is_handed_over()
    {
        var dossier = InStatus(DossierStatus.InProcessing);
        Act(dossier, DossierIntent.Extend, Roles.Leader);

        var notice = Assert.Single(DossierNotice.AllFor(dossier));
        Assert.Equal(NoticeKind.NewDate, notice.Kind);
        Assert.Equal((new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 10)), (notice.FirstDueDate, notice.NewDueDate));
        Assert.Equal(Reason, notice.Move.Reason);

        Act(dossier, DossierIntent.MarkResultReady, Roles.WardStaff);
        Act(dossier, DossierIntent.Return, Roles.WardStaff);
        Assert.Equal(NoticeKind.NewDate, Assert.Single(DossierNotice.AllFor(dossier)).Kind);
    }

    [Fact]
    public void A_receipt_after_a_supplement_starts_a_new_clock_and_the_earlier_new_date_no_longer_applies()
    {
        var dossier = InStatus(DossierStatus.InProcessing);
        Act(dossier, DossierIntent.Extend, Roles.Leader);
        Act(dossier, DossierIntent.RequestSupplement, Roles.WardStaff);
        Assert.Equal([NoticeKind.Supplement], DossierNotice.AllFor(dossier).Select(n => n.Kind));

        Act(dossier, DossierIntent.Resubmit, Roles.Volunteer);
        Act(dossier, DossierIntent.Receive, Roles.WardStaff);
        Assert.Empty(DossierNotice.AllFor(dossier));
    }
}
