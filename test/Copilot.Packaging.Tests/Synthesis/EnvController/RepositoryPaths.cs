namespace Copilot.Packaging.Tests.Synthesis.EnvController;

/// <summary>Finds files of the repository the tests were built from.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "build", "EnvControllerZip.targets")))
                {
                    return directory.FullName;
                }
            }
            throw new InvalidOperationException($"No repository root above {TestContext.CurrentContext.TestDirectory}");
        }
    }

    public static string HandlerSource => Path.Combine(Root, "src", "envcontroller", "index.js");

    public static string ZipTargets => Path.Combine(Root, "build", "EnvControllerZip.targets");
}
