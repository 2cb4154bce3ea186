using Copilot.Packaging.Aws;
using Copilot.Packaging.Jobs;
using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool.Commands;

/// <summary>The AWS flags every command that may reach AWS takes: <c>--profile</c> and <c>--region</c>.</summary>
internal sealed record AwsFlags(CommandOption Profile, CommandOption Region)
{
    /// <summary>Adds the flags to <paramref name="command"/>; <paramref name="purpose"/> completes "The AWS profile to …".</summary>
    public static AwsFlags AddTo(CommandLineApplication command, string purpose) => new(
        command.Option("--profile", $"Optional. The AWS profile to {purpose} with (default: the SDK's chain, AWS_PROFILE).", CommandOptionType.SingleValue),
        command.Option("--region", "Optional. The AWS region of the application (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's region).", CommandOptionType.SingleValue));

    /// <summary>The AWS ports of this run: the flags, then the services' variables.</summary>
    public AwsPorts Ports(CopilotJobServices services) =>
        AwsPortsFactory.Create(AwsContextOptions.FromEnvironment(services.Variables, Profile.Value(), Region.Value()), services.FileSystem);
}
