using System.Text.RegularExpressions;

namespace Copilot.Packaging.Manifest.Validation;

/// <summary>The character rule copilot applies to volume paths, mount paths and EFS root directories.</summary>
internal static partial class ContainerPath
{
    /// <summary>The message for a path with other characters.</summary>
    public const string InvalidCharactersMessage = "path can only contain the characters a-zA-Z0-9.-_/";

    /// <summary>True when <paramref name="path"/> is non-empty and uses only letters, digits, <c>.</c>, <c>-</c>, <c>_</c> and <c>/</c>.</summary>
    public static bool HasValidCharacters(string path) => Pattern().IsMatch(path);

    [GeneratedRegex(@"^[a-zA-Z0-9\-\._/]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
