using Copilot.Testing;

namespace Copilot.Packaging.Tests.Synthesis;

/// <summary>
/// Golden files under <c>test/Copilot.Packaging.Tests/Synthesis/Golden</c>, compared exactly. On a mismatch the received
/// text is written beside the golden file as <c>&lt;name&gt;.received.&lt;ext&gt;</c> (git-ignored) and the failure names the
/// first differing line. Set <c>COPILOT_JOB_BLESS=1</c> to write the received text as the new golden file.
/// </summary>
internal static class GoldenFiles
{
    public const string BlessVariable = "COPILOT_JOB_BLESS";

    public static string Directory =>
        Path.Combine(RepositoryPaths.Root, "test", "Copilot.Packaging.Tests", "Synthesis", "Golden");

    public static bool Blessing => Environment.GetEnvironmentVariable(BlessVariable) == "1";

    /// <summary>Asserts that <paramref name="received"/> equals the golden file, or writes it when blessing.</summary>
    public static void Verify(string fileName, string received)
    {
        var path = Path.Combine(Directory, fileName);
        var receivedPath = ReceivedPath(path);
        if (Blessing)
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(path, received);
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(path))
        {
            File.WriteAllText(receivedPath, received);
        }

        Assert.That(File.Exists(path), Is.True, $"Golden file {path} is missing; the received text is in {receivedPath}. Run the tests with {BlessVariable}=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (received == expected)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.That(
            received,
            Is.EqualTo(expected),
            $"Rendered text differs from {path} {FirstDifference(expected, received)}.\n" +
            $"Received: {receivedPath} (compare: diff -u {path} {receivedPath}); if the change is intended, re-bless with {BlessVariable}=1.");
    }

    /// <summary><c>x.stack.yml</c> → <c>x.stack.received.yml</c>.</summary>
    public static string ReceivedPath(string goldenPath) =>
        Path.Combine(
            Path.GetDirectoryName(goldenPath)!,
            $"{Path.GetFileNameWithoutExtension(goldenPath)}.received{Path.GetExtension(goldenPath)}");

    /// <summary>Where two texts first differ: <c>at line 12 (…): expected "…", received "…"</c>, with the YAML key path when one can be told.</summary>
    public static string FirstDifference(string expected, string received)
    {
        var expectedLines = expected.Split('\n');
        var receivedLines = received.Split('\n');
        var count = Math.Max(expectedLines.Length, receivedLines.Length);
        for (var i = 0; i < count; i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : null;
            var r = i < receivedLines.Length ? receivedLines[i] : null;
            if (e == r)
            {
                continue;
            }

            var keyPath = YamlKeyPath(i < expectedLines.Length ? expectedLines : receivedLines, i);
            var where = keyPath.Length > 0 ? $"at line {i + 1} ({keyPath})" : $"at line {i + 1}";
            return $"{where}: expected {Show(e)}, received {Show(r)}";
        }

        return "(same lines; the texts differ only in a final newline)";
    }

    private static string Show(string? line) => line is null ? "end of file" : $"\"{line}\"";

    /// <summary>The block-mapping keys enclosing line <paramref name="index"/>, outermost first (<c>Resources.TaskDefinition.Properties</c>).</summary>
    private static string YamlKeyPath(string[] lines, int index)
    {
        var path = new List<string>();
        var indent = Indent(lines[Math.Min(index, lines.Length - 1)]);
        AddKey(lines[Math.Min(index, lines.Length - 1)], path);
        for (var i = Math.Min(index, lines.Length - 1) - 1; i >= 0 && indent > 0; i--)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var lineIndent = Indent(line);
            if (lineIndent < indent)
            {
                indent = lineIndent;
                AddKey(line, path);
            }
        }

        path.Reverse();
        return string.Join('.', path);
    }

    private static void AddKey(string line, List<string> path)
    {
        var trimmed = line.TrimStart().TrimStart('-', ' ');
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && !trimmed.StartsWith('"') && !trimmed.StartsWith('\''))
        {
            path.Add(trimmed[..colon]);
        }
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
