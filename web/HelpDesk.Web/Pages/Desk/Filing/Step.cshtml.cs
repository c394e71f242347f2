using System.Text.RegularExpressions;
using HelpDesk.Domain.Procedures;
using HelpDesk.Domain.Audit;
using HelpDesk.Web.Audit;
using HelpDesk.Web.Data;
using HelpDesk.Web.Residents;
using HelpDesk.Web.Desk;
using HelpDesk.Web.Resources;
using HelpDesk.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HelpDesk.Web.Pages.Desk.Filing;

/// <summary>
/// One screen of the stepper, rendered from the procedure's definition. Every valid post saves the
/// screen; while the volunteer types, the page also keeps the unchecked screen in the (encrypted)
/// draft, so a closed tab or a dropped connection loses at most the last few seconds.
/// </summary>
[Authorize(Roles = Policies.DeskRoles)]
public sealed partial class Step(HelpDeskDbContext db, DeskService desk, ProcedureCatalog catalog, ResidentAccess access, AuditLog audit, IStringLocalizer<Strings> text)
    : FilingPage(db, desk, catalog, access, audit)
{
    /// <summary>The name of the submit buttons: "save", "back", "add:{blockId}" or "remove:{blockId}:{item}".</summary>
    public const string ActionName = "filing-action";
    /// <summary>The draft revision the page was rendered from (see <see cref="DossierDraft.Revision"/>).</summary>
    public const string RevisionName = "__revision";

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
        await Audit.SaveAsync(DraftEntry(AuditActions.DraftViewed, $"step {n}"));
        Values = Draft.ValuesFor(Current, n - 1);
        RestoredTyping = Draft.HasTypedOn(n - 1);
        return Page();
    }

    /// <summary>The screen shows typing kept from before, not yet checked.</summary>
    public bool RestoredTyping { get; private set; }

    /// <summary>Keeps what is typed on the screen, unchecked (called by autosave.js as the volunteer types).</summary>
    public async Task<IActionResult> OnPostKeepAsync(Guid id, int n)
    {
        if (await LoadAsync(id, n) is not null) return NotFound();
        if (!int.TryParse(Request.Form[RevisionName], out var seen) || !Draft.KeepTyped(Current, n - 1, TypedValues(), seen, Desk.Now))
            return new NoContentResult();
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // The screen was saved meanwhile; what it kept is newer than this typing.
        }
        return new NoContentResult();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int n)
    {
        if (await LoadAsync(id, n) is { } refused) return refused;
        var action = Request.Form[ActionName].ToString();
        if (action == "back")
            return n == 1 ? RedirectToPage("Start", new { visitId = Draft.VisitId }) : RedirectToPage("Step", new { id, n = n - 1 });

        var typed = TypedValues();
        if (RemovedItem(action) is var (removedFrom, index))
        {
            // Taking a person out is not a save: the rest of the screen may still be half typed.
            Draft.KeepTyped(Current, n - 1, FormValidation.WithoutItem(removedFrom, typed, index), Draft.Revision, Desk.Now);
            await Db.SaveChangesAsync();
            return RedirectToPage("Step", null, new { id, n, from = From }, FilingTexts.InputId(removedFrom.Id));
        }
        var (answers, errors) = FormValidation.ValidateStep(Current, typed);
        if (errors.Count > 0)
        {
            Values = typed;
            Errors = errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => text["Error_" + e.Code, e.Arguments].Value).ToList());
            Summary = errors.Select(e => (FilingTexts.InputId(Target(e.Key)), LabelOf(e.Key), text["Error_" + e.Code, e.Arguments].Value)).ToList();
            return Page();
        }

        Draft.SaveStep(Current, answers, n - 1, Desk.Now);
        await Audit.SaveAsync(DraftEntry(AuditActions.DraftSaved, $"step {n}"));
        if (action.StartsWith("add:", StringComparison.Ordinal) && Current.Fields.FirstOrDefault(f => f.Id == action[4..]) is { } block)
        {
            var added = FormValidation.ItemCount(block, answers);
            return RedirectToPage("Step", null, new { id, n, from = From }, FilingTexts.InputId($"{block.Id}[{added}]"));
        }
        return n == Procedure.Steps.Count || FromReview ? RedirectToPage("Review", new { id }) : RedirectToPage("Step", new { id, n = n + 1 });
    }

    private Dictionary<string, string> TypedValues() => Request.Form
        .Where(p => p.Key != ActionName && !p.Key.StartsWith("__", StringComparison.Ordinal))
        .ToDictionary(p => p.Key, p => p.Value.ToString());

    /// <summary>The block and item a "remove:{blockId}:{item}" action names, when it names one of this screen.</summary>
    private (FieldDefinition Block, int Index)? RemovedItem(string action)
    {
        var parts = action.Split(':');
        if (parts is not ["remove", var blockId, var item] || !int.TryParse(item, out var index) || index < 0) return null;
        return Current.Fields.FirstOrDefault(f => f.Id == blockId && f.Type == FieldType.PersonBlock) is { } block ? (block, index) : null;
    }

    /// <summary>How many items of a person block to show: those filled in, plus one blank while more are allowed.</summary>
    public int ItemsShown(FieldDefinition block)
    {
        var count = FormValidation.ItemCount(block, Values);
        if (Errors.Count > 0) return Math.Max(count, 1);
        var lastFilled = Enumerable.Range(0, count).LastOrDefault(i => IsFilled(block, i), -1);
        return Math.Min(lastFilled + 2, Math.Max(block.MaxItems, 1));
    }

    /// <summary>Whether anything is typed in item <paramref name="item"/> of a person block.</summary>
    public bool IsFilled(FieldDefinition block, int item) =>
        Values.Any(p => p.Key.StartsWith($"{block.Id}[{item}].", StringComparison.Ordinal) && p.Value.Length > 0);

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
