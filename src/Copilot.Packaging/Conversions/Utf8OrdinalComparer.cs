namespace Copilot.Packaging.Conversions;

/// <summary>
/// Orders strings by their UTF-8 bytes (that is, by Unicode code point): the order Go uses when it sorts map keys
/// in templates and in <c>encoding/json</c>, and so the order in which copilot visits mapping keys.
/// </summary>
internal sealed class Utf8OrdinalComparer : IComparer<string>
{
    /// <summary>The shared instance.</summary>
    public static readonly Utf8OrdinalComparer Instance = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
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

    /// <summary>The keys of <paramref name="map"/> in this order.</summary>
    /// <remarks>
    /// Sorting the keys (strings) rather than the entries keeps this, and its callers' loops, on the framework's
    /// shared precompiled code: LINQ over key/value pairs is compiled at start-up by the framework-dependent tool,
    /// on every packaging.
    /// </remarks>
    public static string[] SortedKeys<TValue>(IReadOnlyDictionary<string, TValue> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var keys = new string[map.Count];
        var i = 0;
        foreach (var key in map.Keys)
        {
            keys[i++] = key;
        }

        Array.Sort(keys, Instance);
        return keys;
    }

    /// <summary>The entries of <paramref name="map"/> sorted by key.</summary>
    public static KeyValuePair<string, TValue>[] Sorted<TValue>(IReadOnlyDictionary<string, TValue> map)
    {
        var keys = SortedKeys(map);
        var entries = new KeyValuePair<string, TValue>[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            entries[i] = new KeyValuePair<string, TValue>(keys[i], map[keys[i]]);
        }

        return entries;
    }
}
