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
                NullPackagingReporter.Instance)
            .PackageAsync(
                new JobPackageRequest
                {
                    WorkingDirectory = workspace,
                    JobName = job,
                    EnvironmentName = env,
                    Mode = outputDirectory is null ? new PackageMode.Print() : new PackageMode.WriteFiles { OutputDirectory = outputDirectory, ParamsFormat = format },
                },
                CancellationToken.None)
            .GetAwaiter()
            .GetResult();
}
