using Copilot.Packaging.Errors;
using Copilot.Packaging.Jobs;
using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool.Commands;

/// <summary><c>package</c>: options to a <see cref="JobPackageRequest"/>, one core call, the result to an exit code.</summary>
internal static class PackageCommand
{
    public static void Register(CommandLineApplication parent, CommandRunner runner)
    {
        parent.Command("package", command =>
        {
            command.Description = "Print the AWS CloudFormation template of a job.";
            command.ExtendedHelpText = """

                Examples:
                  Print the template of job "report-generator" for environment "test".
                  $ dotnet copilot-job package -n report-generator -e test
                  Write the template and its parameters to ./infrastructure.
                  $ dotnet copilot-job package -n report-generator -e test --output-dir ./infrastructure
                  (writes report-generator-test.stack.yml and report-generator-test.params.yml)
                """;
            var verbose = CommandDefaults.Apply(command, parent);
            var name = command.Option("-n|--name", "Name of the job.", CommandOptionType.SingleValue);
            var env = command.Option("-e|--env", "Name of the environment.", CommandOptionType.SingleValue);
            var app = command.Option("-a|--app", "Name of the application (default: the one in copilot/.workspace).", CommandOptionType.SingleValue);
            var outputDir = command.Option("--output-dir", "Optional. Writes the stack template and template configuration to a directory.", CommandOptionType.SingleValue);
            var paramsFormat = command.Option("--params-format", "Optional. Format of the template configuration with --output-dir: yaml (default) or json (copilot's .params.json).", CommandOptionType.SingleValue);
            var tag = command.Option("--tag", "Optional. The tag for the container images built from Dockerfiles.", CommandOptionType.SingleValue);
            var uploadAssets = command.Option("--upload-assets", "Optional. Whether to upload assets (container images, Lambda functions, etc.). Uploaded asset locations are filled in the template configuration.", CommandOptionType.NoValue);
            var diff = command.Option("--diff", "Compares the generated CloudFormation template to the deployed stack. Exit code 0: no changes, 1: changes, 2: no diff could be made.", CommandOptionType.NoValue);
            var allowDowngrade = command.Option("--allow-downgrade", "Optional. Allow packaging a job whose deployed stack was made by a newer template version.", CommandOptionType.NoValue);
            var strict = command.Option("--strict", "Optional. Treat unknown manifest keys as errors instead of warnings.", CommandOptionType.NoValue);
            var aws = AwsFlags.AddTo(command, "read records and stacks");

            command.OnExecute(() => runner.Run(verbose.HasValue(), async reporter =>
            {
                var request = new JobPackageRequest
                {
                    WorkingDirectory = runner.Console.WorkingDirectory,
                    JobName = name.Value(),
                    EnvironmentName = env.Value(),
                    ApplicationName = app.Value(),
                    OutputDirectory = outputDir.Value(),
                    Tag = tag.Value(),
                    UploadAssets = uploadAssets.HasValue(),
                    Diff = diff.HasValue(),
                    AllowDowngrade = allowDowngrade.HasValue(),
                    Strict = strict.HasValue(),
                    DiffColor = runner.Console.IsOutputTerminal && runner.Console.ColorAllowed,
                    ParamsFormat = ParseParamsFormat(paramsFormat.Value()),
                };
                using var services = JobServices.For(runner, reporter, aws);
                var result = await services.PackageAsync(request, runner.CancellationToken);
                if (result.TemplateText is not null)
                {
                    await runner.Console.Out.WriteAsync(result.TemplateText);
                }

                if (result.DiffText is not null)
                {
                    await runner.Console.Out.WriteAsync(result.DiffText);
                    return result.HasDiff ? ExitCodes.DiffFound : ExitCodes.Success;
                }

                foreach (var file in result.WrittenFiles)
                {
                    reporter.Info($"Wrote {file}");
                }

                return ExitCodes.Success;
            }));
        });
    }

    private static ParamsFormat ParseParamsFormat(string? value) => value?.ToLowerInvariant() switch
    {
        null or "yaml" or "yml" => ParamsFormat.Yaml,
        "json" => ParamsFormat.Json,
        _ => throw new CopilotJobException($"--params-format must be yaml or json, not \"{value}\""),
    };

}
