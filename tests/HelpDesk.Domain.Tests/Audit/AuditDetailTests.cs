using HelpDesk.Domain.Audit;

namespace HelpDesk.Domain.Tests.Audit;

public sealed class AuditDetailShown
{
    [Theory]
    [InlineData("id:079060001234", "id:•••")]
    [InlineData("079 060 001 234", "•••")]
    [InlineData("phone 0912.345.678", "phone •••")]
    [InlineData("name:3", "name:3")]
    [InlineData("TN01-260424-0007", "TN01-260424-0007")]
    [InlineData("birthCertificate:image/jpeg:10485760", "birthCertificate:image/jpeg:10485760")]
    public void Masks_long_runs_of_digits_and_keeps_codes_and_counts(string detail, string shown) =>
        Assert.Equal(shown, AuditDetail.Shown(detail));

    [Fact]
    public void Leaves_no_detail_as_none() => Assert.Null(AuditDetail.Shown(null));
}

public sealed class AuditSubjectParse
{
    [Fact]
    public void Splits_the_kind_from_the_id()
    {
        var id = Guid.NewGuid();
        Assert.Equal((AuditSubjects.Dossier, id.ToString()), AuditSubjects.Parse($"dossier:{id}"));
        Assert.Equal((AuditSubjects.Ward, id.ToString()), AuditSubjects.Parse(AuditSubjects.OfWard(id)));
        Assert.Equal(("", "no-kind"), AuditSubjects.Parse("no-kind"));
        Assert.Null(AuditSubjects.Parse(null));
    }
}
