using Copilot.Packaging.Jobs;
using Copilot.Packaging.Reporting;

namespace Copilot.Tool.Commands;

/// <summary>Builds the core's composition root for one command run from the console and the AWS flags.</summary>
internal static class JobServices
{
    public static CopilotJobServices For(CommandRunner runner, IPackagingReporter reporter, AwsFlags aws) => new()
    {
        FileSystem = runner.FileSystem,
        Variables = new DelegateEnvironmentVariables(runner.Console.GetVariable),
        Reporter = reporter,
        AwsPortsFactory = aws.Ports,
    };
}
