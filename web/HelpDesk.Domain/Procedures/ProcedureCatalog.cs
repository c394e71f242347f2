namespace HelpDesk.Domain.Procedures;

/// <summary>The procedures a desk can file, loaded once from content/procedures.</summary>
public sealed class ProcedureCatalog
{
    private readonly Dictionary<string, ProcedureDefinition> _byCode;
    private readonly Dictionary<string, ProcedureDefinition> _bySlug;

    public ProcedureCatalog(IEnumerable<ProcedureDefinition> procedures)
    {
        All = procedures.OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        _byCode = All.ToDictionary(p => p.Code);
        _bySlug = All.ToDictionary(p => p.Slug);
    }

    public IReadOnlyList<ProcedureDefinition> All { get; }

    public ProcedureDefinition? FindByCode(string code) => _byCode.GetValueOrDefault(code);
    public ProcedureDefinition? FindBySlug(string slug) => _bySlug.GetValueOrDefault(slug);
}

/// <summary>A content file is wrong. The message names the file, the place in it and the problem.</summary>
public sealed class ContentException(string file, string path, string problem)
    : Exception($"{file}: {path}: {problem}")
{
    public string File { get; } = file;
    public string Path { get; } = path;
    public string Problem { get; } = problem;
}
