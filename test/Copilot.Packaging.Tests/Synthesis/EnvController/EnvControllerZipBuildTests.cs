using Copilot.Testing;
using System.Diagnostics;
using Copilot.Packaging.Synthesis.EnvController;

namespace Copilot.Packaging.Tests.Synthesis.EnvController;

/// <summary>
/// Runs the real build step (the WriteEnvControllerZip target of build/EnvControllerZip.targets, through
/// <c>dotnet msbuild</c>) rather than a copy of its algorithm: two runs must give identical bytes, and those
/// bytes must be the ones embedded in the library, so the S3 key depends on index.js alone.
/// </summary>
[NonParallelizable]
[Category(TestCategories.Process)]
public class EnvControllerZipBuildTests
{
    private string workDirectory = "";

    [SetUp]
    public void CreateWorkDirectory() =>
        workDirectory = Directory.CreateTempSubdirectory("envcontroller-zip-").FullName;

    [TearDown]
    public void DeleteWorkDirectory() => Directory.Delete(workDirectory, recursive: true);

    [Test]
    [CancelAfter(300_000)]
    public void Building_the_zip_twice_gives_the_embedded_bytes_both_times()
    {
        var first = BuildZip(Path.Combine(workDirectory, "first", "envcontroller.zip"));
        var second = BuildZip(Path.Combine(workDirectory, "second", "envcontroller.zip"));

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Is.EqualTo(EnvControllerCode.Zip.ToArray()));
    }

    private static byte[] BuildZip(string zipPath)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "msbuild", Path.Combine(RepositoryPaths.Root, "build", "EnvControllerZip.targets"), "-t:WriteEnvControllerZip", $"-p:EnvControllerZipPath={zipPath}",
            "-nologo", "-nodeReuse:false", "-v:m",
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"dotnet msbuild failed:\n{output.Result}\n{error.Result}");
        return File.ReadAllBytes(zipPath);
    }
}
