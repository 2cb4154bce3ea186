using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary><c>count</c>: jobs take a plain number; autoscaling and Fargate Spot options are refused.</summary>
/// <remarks>
/// Copilot also refuses Fargate Spot on ARM platforms; for jobs that case is always reported here first, because the
/// spot setting lives in the autoscaling form of <c>count</c>, which jobs never accept.
/// </remarks>
internal sealed class CountRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        if (manifest.CountHasAutoscaling)
        {
            diagnostics.Error(
                "count",
                "cannot have autoscaling options for workloads of type 'Scheduled Job'; expected a plain number of tasks, for example \"count: 1\" (Fargate Spot is not available for jobs either)");
        }
    }
}
