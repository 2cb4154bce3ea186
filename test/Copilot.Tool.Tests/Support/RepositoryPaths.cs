namespace Copilot.Tool.Tests.Support;

/// <summary>Paths in the repository, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ExampleWorkspace => Path.Combine(Root, "examples", "report-generator");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Copilot.Tool.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Copilot.Tool.sln not found above " + AppContext.BaseDirectory);
    }
}
