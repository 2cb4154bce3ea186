namespace Copilot.Packaging.Diff;

/// <summary>
/// The longest common subsequence of two lists under a "same item" test, with copilot's deterministic tie-breaking:
/// the length table is filled from the ends, and the walk from the start takes a match when the items are the same,
/// otherwise moves on in the new list when that keeps a longer subsequence, else in the old list.
/// </summary>
internal static class LongestCommonSubsequence
{
    /// <summary>The matched index pairs, in increasing order on both sides.</summary>
    /// <param name="oldCount">Items in the old list.</param>
    /// <param name="newCount">Items in the new list.</param>
    /// <param name="same">Whether old item <c>i</c> and new item <c>j</c> are the same.</param>
    public static IReadOnlyList<(int Old, int New)> Find(int oldCount, int newCount, Func<int, int, bool> same)
    {
        if (oldCount == 0 || newCount == 0)
        {
            return [];
        }

        var lengths = new int[oldCount + 1, newCount + 1];
        for (var i = oldCount - 1; i >= 0; i--)
        {
            for (var j = newCount - 1; j >= 0; j--)
            {
                lengths[i, j] = same(i, j)
                    ? 1 + lengths[i + 1, j + 1]
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        int oldIndex = 0, newIndex = 0;
        while (oldIndex < oldCount && newIndex < newCount)
        {
            if (same(oldIndex, newIndex))
            {
                pairs.Add((oldIndex, newIndex));
                oldIndex++;
                newIndex++;
            }
            else if (lengths[oldIndex + 1, newIndex] < lengths[oldIndex, newIndex + 1])
            {
                newIndex++;
            }
            else
            {
                oldIndex++;
            }
        }

        return pairs;
    }
}
