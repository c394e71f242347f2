using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Desk;
using HelpDesk.Domain.Procedures;
using HelpDesk.Testing;
using HelpDesk.Web.Data;
using HelpDesk.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Web.Tests.Data;

/// <summary>Answers about a person (names, ID numbers) are encrypted in the database and readable again after a restart.</summary>
public abstract class SensitiveDataTests(DatabaseProviderChoice choice)
{
    private static readonly DateTimeOffset During = DeskFixture.NextTuesdayAt(new TimeOnly(18, 0));

    [Fact]
    public async Task Draft_answers_are_stored_encrypted_and_survive_a_restart()
    {
        await using var app = new HelpDeskApp(choice.Provider);
        app.SetClock(During);
        var volunteer = await app.CreateAsync(Roles.Volunteer);
        var point = await app.CreatePointAsync("TN01", volunteer.UserId);
        Guid draftId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HelpDeskDbContext>();
            var birth = scope.ServiceProvider.GetRequiredService<ProcedureCatalog>().FindByCode("1.001193")!;
            var shift = Shift.CheckIn(volunteer.UserId, point, isAssignedToPoint: true, hasOpenShift: false, During);
            var visit = Visit.Open(shift, null, During);
            var draft = DossierDraft.Start(birth, visit, "zh-Hant", During);
            draft.SaveStep(birth.Steps[0], new Dictionary<string, string> { ["childFullName"] = "Lâm Gia Huy" }, 0, During);
            db.AddRange(shift, visit, draft);
            await db.SaveChangesAsync();
            draftId = draft.Id;

            var stored = await db.Database.SqlQueryRaw<string>("SELECT \"Answers\" AS \"Value\" FROM \"DossierDrafts\"").SingleAsync();
            Assert.DoesNotContain("Lâm", stored);
            Assert.DoesNotContain("childFullName", stored);
        }

        await using var restarted = app.Restart();
        await app.DisposeAsync();
        using var after = restarted.Services.CreateScope();
        var reread = await after.ServiceProvider.GetRequiredService<HelpDeskDbContext>().DossierDrafts.SingleAsync(d => d.Id == draftId);
        Assert.Equal("Lâm Gia Huy", reread.Answers["childFullName"]);
    }
}

public sealed class SensitiveDataTestsOnSqlite() : SensitiveDataTests(DatabaseProviderChoice.Sqlite);
public sealed class SensitiveDataTestsOnPostgres() : SensitiveDataTests(DatabaseProviderChoice.Postgres);
