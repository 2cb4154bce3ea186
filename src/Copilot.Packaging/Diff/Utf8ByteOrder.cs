namespace Copilot.Packaging.Diff;

/// <summary>Orders strings by their UTF-8 bytes, the order in which copilot visits mapping keys.</summary>
internal sealed class Utf8ByteOrder : IComparer<string>
{
    public static Utf8ByteOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        // UTF-8 byte order is code point order; UTF-16 ordinal order differs from it only for surrogates.
        var left = x.EnumerateRunes();
        var right = y.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }

            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }
}
