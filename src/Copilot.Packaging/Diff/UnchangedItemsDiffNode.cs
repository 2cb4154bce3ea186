namespace Copilot.Packaging.Diff;

/// <summary>A run of consecutive sequence items that are the same on both sides, printed as <c>(N unchanged items)</c>.</summary>
internal sealed class UnchangedItemsDiffNode : DiffNode
{
    internal UnchangedItemsDiffNode(int count)
        : base(null, null, [])
    {
        Count = count;
    }

    /// <summary>How many items the run holds (at least one).</summary>
    public int Count { get; }
}
