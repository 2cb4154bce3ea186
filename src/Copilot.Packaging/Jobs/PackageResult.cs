namespace Copilot.Packaging.Jobs;

/// <summary>What a <c>package</c> run produced.</summary>
public sealed record PackageResult
{
    /// <summary>The job that was packaged.</summary>
    public required string JobName { get; init; }

    /// <summary>The environment it was packaged for.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The template text, for stdout; null when files were written or a diff was made.</summary>
    public string? TemplateText { get; init; }

    /// <summary>
    /// The stack's parameter values (what <c>.params.yml</c> holds under <c>Parameters</c>), by parameter name; empty
    /// with <c>--diff</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The stack's tags (<c>.params.yml</c>'s <c>Tags</c>), by key; empty with <c>--diff</c>.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The files of the output directory, in write order: every one now holds this run's output (see
    /// <see cref="UnchangedFiles"/> for those that already did).
    /// </summary>
    public IReadOnlyList<string> WrittenFiles { get; init; } = [];

    /// <summary>
    /// Those of <see cref="WrittenFiles"/> that already held exactly this run's output and were left as they were
    /// (not rewritten, so their time stamps stay).
    /// </summary>
    public IReadOnlyList<string> UnchangedFiles { get; init; } = [];

    /// <summary>The diff text with <c>--diff</c> (<c>No changes.</c> when nothing differs); null otherwise.</summary>
    public string? DiffText { get; init; }

    /// <summary>With <c>--diff</c>: true when the deployed stack differs.</summary>
    public bool HasDiff { get; init; }
}
