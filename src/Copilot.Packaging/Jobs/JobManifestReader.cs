using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Validation;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Synthesis.Schedule;
using Copilot.Packaging.Workspace;

namespace Copilot.Packaging.Jobs;

/// <summary>A job's manifest, ready for synthesis: the validated model, its interpolated text and the converted schedule.</summary>
internal sealed record JobManifest(ScheduledJobManifest Manifest, string InterpolatedText, string ScheduleExpression)
{
    /// <summary>
    /// Reads, interpolates, applies the environment's override, binds and validates (warnings go to the reporter), and
    /// converts the schedule once, so that its error carries the manifest location. The manifest's name was checked
    /// against its directory by <see cref="WorkloadDirectories"/>.
    /// </summary>
    public static JobManifest Read(
        IEnvironmentVariables variables, IPackagingReporter reporter, CopilotWorkspace workspace, string app, string job, string env, bool strict, ManifestBytesReader read)
    {
        var manifestPath = workspace.ManifestPath(job);
        var displayPath = workspace.DisplayPath(manifestPath);
        var loaded = ManifestLoader.Load(
            ManifestSource.FromBytes(read(manifestPath, displayPath), displayPath),
            new ManifestLoadOptions { AppName = app, EnvName = env, Variables = variables, Strict = strict });
        foreach (var warning in loaded.Warnings)
        {
            reporter.Warning(warning.ToString());
        }

        var problems = ManifestValidator.Validate(loaded.Manifest);
        if (problems.Count > 0)
        {
            throw new CopilotJobException(problems);
        }

        return new JobManifest(loaded.Manifest, loaded.InterpolatedText, ConvertSchedule(loaded.Manifest));
    }

    private static string ConvertSchedule(ScheduledJobManifest manifest)
    {
        try
        {
            return ScheduleConverter.ToAwsExpression(manifest.Schedule ?? string.Empty, manifest.Name);
        }
        catch (CopilotJobException ex) when (ex.Location is null)
        {
            throw new CopilotJobException(ex.Message, manifest.Source.Locate("on.schedule"), ex.Recommendation, ex);
        }
    }
}
