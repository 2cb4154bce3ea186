namespace Copilot.Testing;

/// <summary>
/// Files of the repository the tests were built from. The root is the directory holding <c>Copilot.Tool.sln</c>, found
/// by walking up from the test binaries (never through <c>[CallerFilePath]</c>: CI builds map source paths).
/// </summary>
public static class RepositoryPaths
{
    private const string SolutionFile = "Copilot.Tool.sln";

    private static readonly Lazy<string?> FoundRoot = new(FindRoot);

    /// <summary>The repository root, or null when the tests run outside a checkout.</summary>
    public static string? TryRoot => FoundRoot.Value;

    /// <summary>The repository root.</summary>
    /// <exception cref="InvalidOperationException">The tests run outside a checkout.</exception>
    public static string Root => FoundRoot.Value
        ?? throw new InvalidOperationException($"{SolutionFile} not found above {AppContext.BaseDirectory}");

    /// <summary>The bundled example workspace.</summary>
    public static string ExampleWorkspace => Path.Combine(Root, "examples", "report-generator");

    /// <summary>
    /// Copies the example workspace to <paramref name="target"/>, without what running it leaves behind
    /// (<c>out/</c>, a local tool manifest).
    /// </summary>
    public static void CopyExample(string target) => Copy(ExampleWorkspace, target);

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source).Where(f => Path.GetFileName(f) != "dotnet-tools.json"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(source).Where(d => Path.GetFileName(d) is not ("out" or ".config")))
        {
            Copy(dir, Path.Combine(target, Path.GetFileName(dir)));
        }
    }

    private static string? FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
