using HelpDesk.Domain.Consents;
using HelpDesk.Web.Resources;
using System.Text.RegularExpressions;
using HelpDesk.Domain;
using HelpDesk.Domain.Accounts;
using HelpDesk.Domain.Procedures;
using HelpDesk.Domain.Desk;
using HelpDesk.Testing;

namespace HelpDesk.Web.Tests.Localization;

/// <summary>Every text exists in all four languages, with the same placeholders, and every key is used.</summary>
public sealed partial class ResourceParityTests
{
    public static TheoryData<string> Cultures_ => [.. Cultures.All];

    [Theory]
    [MemberData(nameof(Cultures_))]
    public void Every_key_exists_in_every_culture(string culture)
    {
        var all = ResourceFiles.ByCulture.Values.SelectMany(d => d.Keys).ToHashSet();
        var missing = all.Except(ResourceFiles.ByCulture[culture].Keys).Order().ToList();
        Assert.True(missing.Count == 0, $"{ResourceFiles.FileFor(culture)} lacks: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Cultures_))]
    public void Every_text_is_filled_in(string culture)
    {
        var empty = ResourceFiles.ByCulture[culture].Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ToList();
        Assert.True(empty.Count == 0, $"Empty texts in {culture}: {string.Join(", ", empty)}");
    }

    [Fact]
    public void Placeholders_are_the_same_in_every_culture()
    {
        var english = ResourceFiles.ByCulture[Cultures.English];
        var differences = (from culture in Cultures.All
                           from pair in ResourceFiles.ByCulture[culture]
                           where english.ContainsKey(pair.Key)
                           let expected = Placeholders(english[pair.Key])
                           let actual = Placeholders(pair.Value)
                           where !expected.SetEquals(actual)
                           select $"{culture}:{pair.Key}").ToList();
        Assert.True(differences.Count == 0, "Placeholders differ: " + string.Join(", ", differences));
    }

    [Fact]
    public void Chinese_texts_are_not_left_in_english()
    {
        // Language names and brand words may repeat; real sentences must be translated.
        string[] sameEverywhere = ["Language_vi", "Language_zh-Hans", "Language_zh-Hant", "Language_en"];
        var english = ResourceFiles.ByCulture[Cultures.English];
        var untranslated = (from culture in new[] { Cultures.Vietnamese, Cultures.SimplifiedChinese, Cultures.TraditionalChinese }
                            from pair in ResourceFiles.ByCulture[culture]
                            where !sameEverywhere.Contains(pair.Key) && pair.Value == english[pair.Key]
                            select $"{culture}:{pair.Key}").ToList();
        Assert.True(untranslated.Count == 0, "Same as English: " + string.Join(", ", untranslated));
    }

    [Fact]
    public void Every_key_is_used_by_the_code()
    {
        var source = string.Join('\n', Directory.EnumerateFiles(RepositoryPaths.Web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/bin/") && !f.Contains("/obj/") && !f.Contains("/Migrations/"))
            .Select(File.ReadAllText));
        // Keys built from data: "Role_" + role, "Language_" + culture, "Error_" + domain code,
        // "DocumentForm_" + form, "Identity_" + overridden describer method, "Validation_" + attribute name,
        // "DossierStatus_" + status and "Timeliness_" + value.
        var computed = Roles.All.Select(r => "Role_" + r)
            .Concat(Cultures.All.Select(c => "Language_" + c))
            .Concat(ErrorCodes.All.Select(c => "Error_" + c))
            .Concat(Enum.GetValues<DocumentForm>().Select(f => "DocumentForm_" + f))
            .Concat(Enum.GetValues<VisitPurpose>().Select(p => "VisitPurpose_" + p))
            .Concat(Enum.GetValues<VisitOutcome>().Select(o => "VisitOutcome_" + o))
            .Concat(ConsentKeys)
            .Concat(Enum.GetValues<HelpDesk.Domain.Dossiers.DossierStatus>().Select(s => "DossierStatus_" + s))
            .Concat(Enum.GetValues<HelpDesk.Domain.Dossiers.Timeliness>().Select(t => "Timeliness_" + t))
            .Concat(AuditKeys)
            .Concat(DossierKeys)
            .ToHashSet();
        var unused = ResourceFiles.ByCulture[Cultures.English].Keys
            .Where(key => !computed.Contains(key) && !source.Contains($"\"{key}\"") && !IsComputedFromCode(key, source))
            .Order().ToList();
        Assert.True(unused.Count == 0, "Keys no code uses: " + string.Join(", ", unused));
    }

    [Fact]
    public void Every_domain_error_code_has_a_text()
    {
        var missing = ErrorCodes.All.Where(code => !ResourceFiles.ByCulture[Cultures.English].ContainsKey("Error_" + code)).ToList();
        Assert.Empty(missing);
    }

    /// <summary>Keys the ward's dossier pages and notices build from the lifecycle's intents, the queue's views and the notices' kinds.</summary>
    private static IEnumerable<string> DossierKeys =>
        Enum.GetValues<HelpDesk.Domain.Dossiers.DossierIntent>().Select(i => "Intent_" + i)
            .Concat(HelpDesk.Domain.Dossiers.DossierLifecycle.Moves.Where(m => m.ReasonRequired).Select(m => "Dossier_Reason_" + m.Intent).Distinct())
            .Concat(Enum.GetValues<HelpDesk.Web.Dossiers.QueueView>().Select(v => "QueueView_" + v))
            .Concat(Enum.GetValues<HelpDesk.Domain.Dossiers.NoticeKind>().SelectMany(k => new[] { "Title", "Intro", "Next" }.Select(part => $"Notice_{k}_{part}")));

    [Fact]
    public void Every_dossier_intent_reason_queue_view_and_notice_has_a_text()
    {
        var missing = DossierKeys.Where(key => !ResourceFiles.ByCulture[Cultures.English].ContainsKey(key)).ToList();
        Assert.Empty(missing);
    }

    /// <summary>Keys the audit log page builds from the actions and the kinds of record acted on.</summary>
    private static IEnumerable<string> AuditKeys =>
        HelpDesk.Domain.Audit.AuditActions.All.Select(a => TextsIn.KeyOf("AuditAction_", a))
            .Concat(HelpDesk.Domain.Audit.AuditSubjects.Kinds.Select(k => TextsIn.KeyOf("AuditSubject_", k)))
            .Concat(Enum.GetValues<HelpDesk.Domain.Audit.AnchorCheck>().Select(result => "AuditLog_Anchor" + result));

    [Fact]
    public void Every_audit_action_and_kind_of_record_has_a_text()
    {
        var missing = AuditKeys.Where(key => !ResourceFiles.ByCulture[Cultures.English].ContainsKey(key)).ToList();
        Assert.Empty(missing);
    }

    /// <summary>Keys the consent pages build from the domain's purposes, statuses and methods.</summary>
    private static IEnumerable<string> ConsentKeys =>
        ConsentPurpose.All.Select(p => TextsIn.KeyOf("ConsentPurpose_", p))
            .Concat(Enum.GetValues<ConsentStatus>().Select(s => "ConsentStatus_" + s))
            .Concat(Enum.GetValues<ConsentMethod>().Select(m => "ConsentMethod_" + m));

    [Fact]
    public void Every_consent_purpose_status_and_method_has_a_text()
    {
        var missing = ConsentKeys.Where(key => !ResourceFiles.ByCulture[Cultures.English].ContainsKey(key)).ToList();
        Assert.Empty(missing);
    }

    private static bool IsComputedFromCode(string key, string source) => key switch
    {
        _ when key.StartsWith("Identity_") => source.Contains($"nameof({key["Identity_".Length..]})"),
        _ when key.StartsWith("Validation_") => Regex.IsMatch(source, $@"[\[,]\s*{Regex.Escape(key["Validation_".Length..])}\b"),
        _ => false,
    };

    private static HashSet<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
