using System.Text.RegularExpressions;
using HelpDesk.Domain.Procedures;
using HelpDesk.Web.Data;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Desk.Filing;

/// <summary>
/// One screen of the stepper, rendered from the procedure's definition. Every valid post saves the
/// screen, so a dropped connection loses at most the screen being typed.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed partial class Step(HelpDeskDbContext db, DeskService desk, ProcedureCatalog catalog, IStringLocalizer<Strings> text)
    : FilingPage(db, desk, catalog)
{
    /// <summary>The name of the submit buttons: "save", "back" or "add:{blockId}".</summary>
    public const string ActionName = "filing-action";

    /// <summary>Opened from the review sheet's "Edit": saving goes back to the review.</summary>
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    public bool FromReview => From == "review";

    /// <summary>The screen's number, from 1.</summary>
    public int Number { get; private set; }
    public FormStep Current { get; private set; } = null!;
    /// <summary>What the inputs show: the saved answers, or what was typed when it was refused.</summary>
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, List<string>> Errors { get; private set; } = new Dictionary<string, List<string>>();
    /// <summary>The errors in form order, with the element each links to.</summary>
    public IReadOnlyList<(string Target, string Label, string Message)> Summary { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int n)
    {
        if (await LoadAsync(id, n) is { } refused) return refused;
        Values = Draft.Answers;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int n)
    {
        if (await LoadAsync(id, n) is { } refused) return refused;
        var action = Request.Form[ActionName].ToString();
        if (action == "back")
            return n == 1 ? RedirectToPage("Start", new { visitId = Draft.VisitId }) : RedirectToPage("Step", new { id, n = n - 1 });

        var typed = Request.Form
            .Where(p => p.Key != ActionName && !p.Key.StartsWith("__", StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value.ToString());
        var (answers, errors) = FormValidation.ValidateStep(Current, typed);
        if (errors.Count > 0)
        {
            Values = typed;
            Errors = errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => text["Error_" + e.Code, e.Arguments].Value).ToList());
            Summary = errors.Select(e => (FilingTexts.InputId(Target(e.Key)), LabelOf(e.Key), text["Error_" + e.Code, e.Arguments].Value)).ToList();
            return Page();
        }

        Draft.SaveStep(Current, answers, n - 1, Desk.Now);
        await Db.SaveChangesAsync();
        if (action.StartsWith("add:", StringComparison.Ordinal) && Current.Fields.FirstOrDefault(f => f.Id == action[4..]) is { } block)
        {
            var added = FormValidation.ItemCount(block, answers);
            return RedirectToPage("Step", null, new { id, n, from = From }, FilingTexts.InputId($"{block.Id}[{added}]"));
        }
        return n == Procedure.Steps.Count || FromReview ? RedirectToPage("Review", new { id }) : RedirectToPage("Step", new { id, n = n + 1 });
    }

    /// <summary>How many items of a person block to show: those filled in, plus one blank while more are allowed.</summary>
    public int ItemsShown(FieldDefinition block)
    {
        var count = FormValidation.ItemCount(block, Values);
        if (Errors.Count > 0) return Math.Max(count, 1);
        var filled = Enumerable.Range(0, count).Count(i => Values.Any(p => p.Key.StartsWith($"{block.Id}[{i}].", StringComparison.Ordinal) && p.Value.Length > 0));
        return Math.Min(filled + 1, Math.Max(block.MaxItems, 1));
    }

    public IReadOnlyList<string> ErrorsOf(string key) => Errors.GetValueOrDefault(key) ?? [];

    private async Task<IActionResult?> LoadAsync(Guid id, int n)
    {
        if (await LoadDraftAsync(id) is { } refused) return refused;
        if (n < 1 || n > Procedure.Steps.Count) return NotFound();
        Number = n;
        Current = Procedure.Steps[n - 1];
        return null;
    }

    /// <summary>The definition a key names: "field", "block[0].field", or an address part's address.</summary>
    private FieldDefinition? DefinitionOf(string key)
    {
        var item = BlockItemKey().Match(key);
        var (fields, rest) = item.Success
            ? (Current.Fields.FirstOrDefault(f => f.Id == item.Groups[1].Value)?.Fields ?? [], item.Groups[2].Value)
            : (Current.Fields, key);
        return fields.FirstOrDefault(f => f.Id == rest) ?? fields.FirstOrDefault(f => rest.StartsWith(f.Id + ".", StringComparison.Ordinal));
    }

    /// <summary>The element an error links to: the input itself, the first line of an address, or a block's group.</summary>
    private string Target(string key) =>
        DefinitionOf(key) is { Type: FieldType.Address } address && key.EndsWith(address.Id, StringComparison.Ordinal) ? key + ".street" : key;

    private string LabelOf(string key) => DefinitionOf(key)?.Label.Vietnamese ?? "";

    [GeneratedRegex(@"^(\w+)\[\d+\]\.(.+)$")]
    private static partial Regex BlockItemKey();
}
