using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Jobs;
using Copilot.Packaging.Reporting;

namespace Copilot.Packaging.Tests.Jobs;

/// <summary>Runs <see cref="JobPackager"/> offline on a workspace directory.</summary>
internal static class JobPackagingHarness
{
    public static PackageResult Package(string workspace, string job, string env, string? outputDirectory = null, ParamsFormat format = ParamsFormat.Yaml) =>
        new JobPackager(
                new FileSystem(),
                new DictionaryEnvironmentVariables(new Dictionary<string, string>()),
                NullPackagingReporter.Instance,
                NonInteractivePrompt.Instance)
            .PackageAsync(
                new JobPackageRequest { WorkingDirectory = workspace, JobName = job, EnvironmentName = env, OutputDirectory = outputDirectory, ParamsFormat = format },
                CancellationToken.None)
            .GetAwaiter()
            .GetResult();

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Copilot.Tool.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Copilot.Tool.sln not found above " + AppContext.BaseDirectory);
    }

    public static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(source))
        {
            CopyDirectory(dir, Path.Combine(target, Path.GetFileName(dir)));
        }
    }
}
