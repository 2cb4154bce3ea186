namespace Copilot.Packaging.Diff;

/// <summary>How a stack parameter value or tag differs.</summary>
internal enum ValueChangeKind
{
    /// <summary>Only the proposed stack has it: <c>+ Name: value</c>.</summary>
    Added,

    /// <summary>Only the deployed stack has it: <c>- Name: value</c>.</summary>
    Removed,

    /// <summary>Both have it with different values: <c>~ Name: old -> new</c>.</summary>
    Modified,

    /// <summary>
    /// The values cannot be compared: the deployed value is masked (<c>****</c>, a <c>NoEcho</c> parameter), or the
    /// parameter keeps its previous value but the deployed stack has none. Written <c>? Name: reason</c>; not a change.
    /// </summary>
    Unknown,
}
