using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Jobs;
using Copilot.Tool.CommandLine;
using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool.Commands;

/// <summary><c>package</c>: options to a <see cref="JobPackageRequest"/>, one core call, the result to an exit code.</summary>
internal static class PackageCommand
{
    public static void Register(CommandLineApplication parent, CommandRunner runner)
    {
        ToolCommand.Add(parent, "package", command =>
        {
            command.Description = "Print the AWS CloudFormation template of a job.";
            command.ExtendedHelpText = """

                Examples:
                  Print the template of job "report-generator" for environment "test".
                  $ dotnet copilot-job package -n report-generator -e test
                  Write the template and its parameters to ./infrastructure.
                  $ dotnet copilot-job package -n report-generator -e test --output-dir ./infrastructure
                  (writes report-generator-test.stack.yml and report-generator-test.params.yml)
                  Write every job for environments "test" and "prod" to ./infrastructure in one run.
                  $ dotnet copilot-job package --all -e test -e prod --output-dir ./infrastructure

                Several jobs or environments (-n a -n b, -e test -e prod, --all):
                  Every job named is packaged for every environment named, concurrently; --all stands for every job
                  (without -n) and every environment the records know (without -e). Files need --output-dir: each
                  pair writes <job>-<env>.stack.yml and its configuration there, and nothing is written unless every
                  pair succeeds. --diff prints one diff per pair under a "--- <job>-<env>" line; the exit code is the
                  highest a single run of any pair would give. --upload-assets uploads one pair at a time.
                """;
            var verbose = CommandDefaults.Apply(command, parent);
            var names = JobChoice.AddTo(command, repeatable: true);
            var all = command.Option("--all", "Optional. Every job (unless -n is given) for every environment the records know (unless -e is given); needs --output-dir or --diff.", CommandOptionType.NoValue);
            var outputDir = command.Option("--output-dir <DIR>", "Optional. Writes the stack template and template configuration to a directory.", CommandOptionType.SingleValue);
            var paramsFormat = command.Option("--params-format", "Optional. Format of the template configuration with --output-dir: yaml (default) or json (copilot's .params.json).", CommandOptionType.SingleValue);
            paramsFormat.ValueName = "yaml|json";
            var tag = command.Option("--tag <TAG>", "Optional. The tag for the container images built from Dockerfiles.", CommandOptionType.SingleValue);
            var uploadAssets = command.Option("--upload-assets", "Optional. Whether to upload assets (container images, Lambda functions, etc.). Uploaded asset locations are filled in the template configuration.", CommandOptionType.NoValue);
            var diff = command.Option("--diff", "Compares the generated CloudFormation template to the deployed stack. Exit code 0: no changes, 1: changes, 2: no diff could be made.", CommandOptionType.NoValue);
            var allowDowngrade = command.Option("--allow-downgrade", "Optional. Allow packaging a job whose deployed stack was made by a newer template version.", CommandOptionType.NoValue);
            var allowOutside = WorkspaceRootFlag.AddTo(command);
            var strict = command.Option("--strict", "Optional. Treat unknown manifest keys as errors instead of warnings.", CommandOptionType.NoValue);
            var aws = AwsFlags.AddTo(command, "read records and stacks");

            command.OnExecute(() => runner.Run(verbose.HasValue(), async reporter =>
            {
                var mode = Mode(diff.HasValue(), outputDir.Value(), uploadAssets.HasValue(), tag.Value(), paramsFormat.Value(), runner);
                if (tag.HasValue() && !uploadAssets.HasValue())
                {
                    reporter.Warning("--tag has no effect without --upload-assets: only images this tool builds and pushes are tagged.");
                }

                using var services = JobServices.For(runner, reporter, aws);
                var (jobs, environments) = await names.SelectSeveralAsync(runner, services, reporter, all.HasValue());
                if (all.HasValue() || jobs.Count != 1 || environments.Count != 1)
                {
                    return await RunBatchAsync(services, runner, reporter, new JobBatchRequest
                    {
                        WorkingDirectory = runner.Console.WorkingDirectory,
                        JobNames = jobs.Count == 0 ? null : jobs,
                        EnvironmentNames = environments.Count == 0 ? null : environments,
                        ApplicationName = names.Application.Value(),
                        Mode = mode,
                        AllowDowngrade = allowDowngrade.HasValue(),
                        Strict = strict.HasValue(),
                        AllowedOutsideWorkspace = allowOutside.Directories,
                    });
                }

                var job = jobs[0];
                var environment = environments[0];
                var request = new JobPackageRequest
                {
                    WorkingDirectory = runner.Console.WorkingDirectory,
                    JobName = job,
                    EnvironmentName = environment,
                    ApplicationName = names.Application.Value(),
                    Mode = mode,
                    AllowDowngrade = allowDowngrade.HasValue(),
                    Strict = strict.HasValue(),
                    AllowedOutsideWorkspace = allowOutside.Directories,
                };
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

                ReportFiles(reporter, result.WrittenFiles, result.UnchangedFiles);
                return ExitCodes.Success;
            }));
        });
    }

    // Several pairs: diffs on stdout under a line naming each pair, errors on stderr named the same way, files listed.
    private static async Task<int> RunBatchAsync(CopilotJobServices services, CommandRunner runner, ConsoleReporter reporter, JobBatchRequest request)
    {
        var result = await services.PackageBatchAsync(request, runner.CancellationToken);
        var exitCode = ExitCodes.Success;
        foreach (var pair in result.Results)
        {
            if (pair.DiffText is not null)
            {
                await runner.Console.Out.WriteAsync($"--- {pair.JobName}-{pair.EnvironmentName}\n{pair.DiffText}");
                exitCode = Math.Max(exitCode, pair.HasDiff ? ExitCodes.DiffFound : ExitCodes.Success);
            }
        }

        // A records error is shared by every pair of its environment: reported once, naming them all.
        foreach (var group in result.Failures.GroupBy(f => f.Error is DiffUnavailableException { InnerException: CopilotJobException cause } ? cause : f.Error))
        {
            var error = group.First().Error;
            var pairs = string.Join(", ", group.Select(f => $"{f.JobName}-{f.EnvironmentName}"));
            if (error.Recommendation is not null)
            {
                reporter.Info($"{pairs}: {error.Recommendation}");
            }

            reporter.Error(string.Join("\n", error.Describe().Split('\n').Select(line => $"{pairs}: {line}")));
            exitCode = Math.Max(exitCode, error.Code == CopilotJobErrorCode.DiffUnavailable ? ExitCodes.DiffUnavailable : ExitCodes.UserError);
        }

        if (result.Failures.Count > 0 && request.Mode is PackageMode.WriteFiles)
        {
            reporter.Error($"{result.Failures.Count} of {result.Failures.Count + result.Results.Count} jobs and environments failed: no files were written");
        }

        ReportFiles(reporter, result.WrittenFiles, result.UnchangedFiles);
        return exitCode;
    }

    // Each output file, said as it is: rewritten, or left as it was because it already held this output.
    private static void ReportFiles(ConsoleReporter reporter, IReadOnlyList<string> files, IReadOnlyList<string> unchanged)
    {
        var same = unchanged.ToHashSet(StringComparer.Ordinal);
        foreach (var file in files)
        {
            reporter.Info(same.Contains(file) ? $"Unchanged {file} (it already held this output)" : $"Wrote {file}");
        }
    }

    // The flags to one mode; the combinations a diff cannot honour are refused first, before anything is read.
    private static PackageMode Mode(bool diff, string? outputDirectory, bool uploadAssets, string? tag, string? paramsFormat, CommandRunner runner)
    {
        var format = ParseParamsFormat(paramsFormat);
        if (outputDirectory is not null && string.IsNullOrWhiteSpace(outputDirectory))
        {
            throw new CopilotJobException(
                "--output-dir is empty: name the directory to write to",
                recommendation: "Use --output-dir . to write to the current directory, or leave --output-dir out to print the template.");
        }

        if (tag is not null)
        {
            ImageReferences.EnsureTag(tag, "--tag");
        }

        if (diff && outputDirectory is not null)
        {
            throw new CopilotJobException("--diff and --output-dir cannot be used together: --diff prints a comparison and writes no files");
        }

        if (diff && uploadAssets)
        {
            throw new CopilotJobException("--diff and --upload-assets cannot be used together: --diff compares without uploading anything");
        }

        var upload = uploadAssets ? new AssetUpload { Tag = tag } : null;
        if (diff)
        {
            return new PackageMode.Diff { Color = runner.Console.IsOutputTerminal && runner.Console.ColorAllowed };
        }

        return outputDirectory is null
            ? new PackageMode.Print { Assets = upload }
            : new PackageMode.WriteFiles { OutputDirectory = outputDirectory, ParamsFormat = format, Assets = upload };
    }

    private static ParamsFormat ParseParamsFormat(string? value) => value?.ToLowerInvariant() switch
    {
        null or "yaml" or "yml" => ParamsFormat.Yaml,
        "json" => ParamsFormat.Json,
        _ => throw new CopilotJobException($"--params-format must be yaml or json, not \"{value}\""),
    };

}
