using System.Text.RegularExpressions;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Inputs;

/// <summary>
/// What ECR and ECS accept as image tags, image references and environment variable names, checked before anything
/// is built, pushed or written (the grammar of Docker's distribution reference).
/// </summary>
public static partial class ImageReferences
{
    /// <summary>The longest repository name (registry and path) Docker accepts.</summary>
    internal const int MaxNameLength = 255;

    /// <summary>True for a Docker tag: a word character, then up to 127 word characters, dots and hyphens.</summary>
    public static bool IsValidTag(string tag) => Tag().IsMatch(tag);

    /// <summary>True for a Docker image reference: <c>[registry[:port]/]path[:tag][@digest]</c>.</summary>
    internal static bool IsValidReference(string reference)
    {
        var match = Reference().Match(reference);
        return match.Success && match.Groups["name"].Length <= MaxNameLength;
    }

    /// <summary>
    /// True for a name ECS can put in a container's environment: not empty, no <c>=</c> (it ends the name in an
    /// environment block) and no control characters (NUL ends it; the others cannot be set from a task definition).
    /// </summary>
    internal static bool IsValidVariableName(string name) =>
        name.Length > 0 && !name.Contains('=', StringComparison.Ordinal) && !name.Any(char.IsControl);

    /// <summary>Throws when <paramref name="tag"/> is not a Docker tag.</summary>
    /// <exception cref="CopilotJobException">The tag is invalid.</exception>
    public static void EnsureTag(string tag, string source)
    {
        if (tag.Length > 0 && !IsValidTag(tag))
        {
            throw new CopilotJobException(
                $"{source} value is not a valid image tag: a tag is 1 to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'",
                recommendation: "Use a tag such as v1.2.3 or the commit id.");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    // domain-component ('.' domain-component)* [':' port] '/' is optional; path components are lower-case alphanumerics
    // joined by '.', '_', '__' or runs of '-'; then an optional tag and an optional digest.
    [GeneratedRegex(
        @"^(?<name>(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
