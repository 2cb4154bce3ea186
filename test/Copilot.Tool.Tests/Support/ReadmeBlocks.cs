using Copilot.Testing;

namespace Copilot.Tool.Tests.Support;

/// <summary>
/// Fenced code blocks of the repository's README.md that tests run or parse, each found by the HTML comment marker on
/// the line before it (for example <c>&lt;!-- deploy-recipe --&gt;</c>), so the README cannot drift from what is tested.
/// </summary>
internal static class ReadmeBlocks
{
    /// <summary>The deploy recipe (bash).</summary>
    public const string DeployRecipe = "deploy-recipe";

    /// <summary>The GitHub Actions workflow (YAML).</summary>
    public const string DeployWorkflow = "deploy-workflow";

    /// <summary>The text of the fenced block right after <c>&lt;!-- <paramref name="marker"/> --&gt;</c>, without its fences.</summary>
    /// <exception cref="InvalidOperationException">The marker is missing, used twice, or not followed by a fenced block.</exception>
    public static string After(string marker)
    {
        var path = Path.Combine(RepositoryPaths.Root, "README.md");
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var comment = $"<!-- {marker} -->";
        var at = Enumerable.Range(0, lines.Length).Where(i => lines[i].Trim() == comment).ToList();
        if (at.Count != 1)
        {
            throw new InvalidOperationException($"README.md has {at.Count} lines '{comment}'; the tests need exactly one");
        }

        var open = at[0] + 1;
        if (open >= lines.Length || !lines[open].StartsWith("```", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"README.md:{open + 1}: a fenced code block must follow '{comment}'");
        }

        var close = Array.FindIndex(lines, open + 1, l => l.TrimEnd() == "```");
        if (close < 0)
        {
            throw new InvalidOperationException($"README.md:{open + 1}: the fenced block after '{comment}' is not closed");
        }

        return string.Join('\n', lines[(open + 1)..close]) + "\n";
    }
}
