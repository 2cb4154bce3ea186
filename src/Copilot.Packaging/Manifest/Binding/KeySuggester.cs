namespace Copilot.Packaging.Manifest.Binding;

/// <summary>Finds the valid key an unknown key most likely meant (by edit distance), or the places where it is valid.</summary>
internal static class KeySuggester
{
    /// <summary>The closest key of <paramref name="place"/> within a small edit distance, or null.</summary>
    public static string? Closest(string key, ManifestPlace place)
    {
        var limit = key.Length <= 3 ? 1 : key.Length <= 6 ? 2 : 3;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in place.Keys)
        {
            var distance = Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance && distance <= limit)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The other places where <paramref name="key"/> is valid as written.</summary>
    public static IReadOnlyList<string> PlacesOf(string key, ManifestPlace except) =>
        ManifestSchema.All.Where(p => p != except && p.Keys.Contains(key, StringComparer.Ordinal)).Select(p => p.Where).ToList();

    /// <summary>The optimal-string-alignment distance (Levenshtein with adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
