using Copilot.Testing;

namespace Copilot.Packaging.Tests.Synthesis;

/// <summary>
/// Golden files under <c>test/Copilot.Packaging.Tests/Synthesis/Golden</c>, compared exactly. Set
/// <c>COPILOT_JOB_BLESS=1</c> to write the received text as the new golden file.
/// </summary>
internal static class GoldenFiles
{
    public static string Directory =>
        Path.Combine(RepositoryPaths.Root, "test", "Copilot.Packaging.Tests", "Synthesis", "Golden");

    public static bool Blessing => Environment.GetEnvironmentVariable("COPILOT_JOB_BLESS") == "1";

    /// <summary>Asserts that <paramref name="received"/> equals the golden file, or writes it when blessing.</summary>
    public static void Verify(string fileName, string received)
    {
        var path = Path.Combine(Directory, fileName);
        if (Blessing)
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(path, received);
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"Golden file {path} is missing; run the tests with COPILOT_JOB_BLESS=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.That(received, Is.EqualTo(expected), $"Rendered template differs from {path}; if the change is intended, re-bless with COPILOT_JOB_BLESS=1.");
    }
}
