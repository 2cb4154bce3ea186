namespace Copilot.Packaging.Stacks;

/// <summary>A parsed Go-semver version: <c>v</c>, numeric major, minor and patch, optional prerelease; build metadata dropped.</summary>
internal sealed class SemanticVersion : IComparable<SemanticVersion>
{
    private SemanticVersion(string major, string minor, string patch, string[] prerelease)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
    }

    /// <summary>The major number, as digits.</summary>
    internal string Major { get; }

    /// <summary>The minor number, as digits.</summary>
    internal string Minor { get; }

    /// <summary>The patch number, as digits.</summary>
    internal string Patch { get; }

    /// <summary>The prerelease identifiers (empty for a release).</summary>
    internal string[] Prerelease { get; }

    /// <summary>Parses <paramref name="text"/>, or returns null when it is not valid Go semver.</summary>
    internal static SemanticVersion? TryParse(string? text)
    {
        if (text is null || text.Length < 2 || text[0] != 'v')
        {
            return null;
        }

        var rest = text[1..];
        var build = rest.IndexOf('+', StringComparison.Ordinal);
        string? buildPart = null;
        if (build >= 0)
        {
            buildPart = rest[(build + 1)..];
            rest = rest[..build];
            if (!ValidIdentifiers(buildPart, numericRules: false))
            {
                return null;
            }
        }

        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        string? prerelease = null;
        if (dash >= 0)
        {
            prerelease = rest[(dash + 1)..];
            rest = rest[..dash];
            if (!ValidIdentifiers(prerelease, numericRules: true))
            {
                return null;
            }
        }

        var numbers = rest.Split('.');
        if (numbers.Length > 3 || numbers.Any(n => !IsNumber(n)))
        {
            return null;
        }

        // Go accepts the shorthands v1 and v1.2 only without prerelease or build metadata.
        if (numbers.Length < 3 && (prerelease is not null || buildPart is not null))
        {
            return null;
        }

        return new SemanticVersion(
            numbers[0],
            numbers.Length > 1 ? numbers[1] : "0",
            numbers.Length > 2 ? numbers[2] : "0",
            prerelease?.Split('.') ?? []);
    }

    /// <inheritdoc />
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var result = CompareNumbers(Major, other.Major);
        result = result != 0 ? result : CompareNumbers(Minor, other.Minor);
        result = result != 0 ? result : CompareNumbers(Patch, other.Patch);
        return result != 0 ? result : ComparePrerelease(Prerelease, other.Prerelease);
    }

    private static int ComparePrerelease(string[] left, string[] right)
    {
        // A release sorts after any prerelease of the same version.
        if (left.Length == 0 || right.Length == 0)
        {
            return (left.Length == 0, right.Length == 0) switch
            {
                (true, true) => 0,
                (true, false) => 1,
                _ => -1,
            };
        }

        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var leftNumeric = left[i].All(char.IsAsciiDigit);
            var rightNumeric = right[i].All(char.IsAsciiDigit);
            var result = (leftNumeric, rightNumeric) switch
            {
                (true, true) => CompareNumbers(left[i], right[i]),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(left[i], right[i]),
            };
            if (result != 0)
            {
                return Math.Sign(result);
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    private static int CompareNumbers(string left, string right) =>
        left.Length != right.Length ? left.Length.CompareTo(right.Length) : Math.Sign(string.CompareOrdinal(left, right));

    private static bool IsNumber(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0');

    private static bool ValidIdentifiers(string text, bool numericRules) =>
        text.Split('.').All(id =>
            id.Length > 0
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && (!numericRules || !id.All(char.IsAsciiDigit) || IsNumber(id)));
}
