using Copilot.Packaging.Deploy;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool.Commands;

/// <summary><c>deploy</c>: options to a <see cref="JobDeployRequest"/>, one core call, the result to an exit code.</summary>
internal static class DeployCommand
{
    public static void Register(CommandLineApplication parent, CommandRunner runner)
    {
        parent.Command("deploy", command =>
        {
            command.Description = "Package a job, upload its assets and template, and deploy its stack as copilot job deploy did.";
            command.ExtendedHelpText = """

                Examples:
                  Deploy job "report-generator" to environment "test".
                  $ dotnet copilot-job deploy -n report-generator -e test
                  Show what would change, then deploy without asking (CI).
                  $ dotnet copilot-job deploy -n report-generator -e test --diff --yes
                """;
            var verbose = CommandDefaults.Apply(command, parent);
            var names = JobChoice.AddTo(command);
            var tag = command.Option("--tag <TAG>", "Optional. The tag for the container images built from Dockerfiles.", CommandOptionType.SingleValue);
            var resourceTags = command.Option("--resource-tags <TAGS>", "Optional. Extra tags for the stack and its resources, as key=value,key=value.", CommandOptionType.SingleValue);
            var noRollback = command.Option("--no-rollback", "Optional. Do not roll back the stack when the deployment fails.", CommandOptionType.NoValue);
            var diff = command.Option("--diff", "Optional. Show the differences with the deployed stack and ask before deploying.", CommandOptionType.NoValue);
            var yes = command.Option("--yes", "Optional. With --diff: deploy without asking (needed without a terminal).", CommandOptionType.NoValue);
            var allowDowngrade = command.Option("--allow-downgrade", "Optional. Allow deploying over a stack made by a newer template version.", CommandOptionType.NoValue);
            var detach = command.Option("--detach", "Optional. Start the deployment and return without waiting for it.", CommandOptionType.NoValue);
            var allowOutside = WorkspaceRootFlag.AddTo(command);
            var aws = AwsFlags.AddTo(command, "deploy");

            command.OnExecute(() => runner.Run(verbose.HasValue(), async reporter =>
            {
                var console = runner.Console;
                if (diff.HasValue() && !yes.HasValue() && !console.IsInputInteractive)
                {
                    throw ConsoleDeployConfirmation.NoTerminal();
                }

                if (tag.Value() is { } imageTag)
                {
                    ImageReferences.EnsureTag(imageTag, "--tag");
                }

                var resourceTagValues = ParseTags(resourceTags.Value());
                using var services = JobServices.For(runner, reporter, aws);
                var (job, environment) = await names.SelectAsync(runner, services, reporter);
                var request = new JobDeployRequest
                {
                    WorkingDirectory = console.WorkingDirectory,
                    JobName = job,
                    EnvironmentName = environment,
                    ApplicationName = names.Application.Value(),
                    Tag = tag.Value(),
                    ResourceTags = resourceTagValues,
                    NoRollback = noRollback.HasValue(),
                    Diff = diff.HasValue(),
                    DiffColor = console.IsOutputTerminal && console.ColorAllowed,
                    AllowDowngrade = allowDowngrade.HasValue(),
                    Detach = detach.HasValue(),
                    AllowedOutsideWorkspace = allowOutside.Directories,
                };
                IDeployProgress progress = console.IsErrorTerminal
                    ? new TerminalDeployProgress(console.Error, console.ColorAllowed)
                    : new PlainDeployProgress(console.Error);
                var result = await services.DeployAsync(request, progress, new ConsoleDeployConfirmation(console, yes.HasValue()), runner.CancellationToken);
                return Report(result, reporter);
            }));
        });
    }

    /// <summary><c>k=v,k2=v2</c> to a map; a later key wins.</summary>
    internal static IReadOnlyDictionary<string, string> ParseTags(string? value)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(value))
        {
            return tags;
        }

        foreach (var pair in value.Split(','))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CopilotJobException(
                    $"--resource-tags must be key=value pairs separated by commas; \"{pair}\" is not one",
                    recommendation: "For example: --resource-tags team=reports,cost-center=42");
            }

            tags[pair[..equals]] = pair[(equals + 1)..];
        }

        return tags;
    }

    private static int Report(JobDeployResult result, ConsoleReporter reporter)
    {
        if (result.Declined)
        {
            reporter.Info("Not deployed: nothing was changed.");
            return ExitCodes.Success;
        }

        var stack = result.Stack!;
        switch (stack.Outcome)
        {
            case StackDeployOutcome.NoChanges:
                reporter.Info("No changes.");
                return ExitCodes.Success;
            case StackDeployOutcome.Detached:
                reporter.Info($"Deploying stack {stack.StackName} in the background. Follow it with `aws cloudformation describe-stack-events --stack-name {stack.StackName} --region {result.Region}` or in the CloudFormation console.");
                return ExitCodes.Success;
            case StackDeployOutcome.Cancelled:
                reporter.Error($"deploy cancelled: stack {stack.StackName} is {stack.FinalStatus}");
                return ExitCodes.Cancelled;
            default:
                reporter.Info($"✔ Deployed job {result.JobName} to environment {result.EnvironmentName} (stack {stack.StackName}: {stack.FinalStatus}).");
                return ExitCodes.Success;
        }
    }
}
