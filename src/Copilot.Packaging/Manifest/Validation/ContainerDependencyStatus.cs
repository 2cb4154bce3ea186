namespace Copilot.Packaging.Manifest.Validation;

/// <summary>The conditions a container dependency (<c>depends_on</c>) may use; written in any letter case.</summary>
internal static class ContainerDependencyStatus
{
    /// <summary>The accepted conditions, as ECS spells them.</summary>
    public static readonly IReadOnlyList<string> All = ["START", "COMPLETE", "SUCCESS", "HEALTHY"];

    /// <summary>True when <paramref name="status"/> is one of <see cref="All"/>, ignoring case.</summary>
    public static bool IsValid(string? status) =>
        status is not null && All.Contains(status, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="status"/> may be used on an essential container (START or HEALTHY).</summary>
    public static bool IsAllowedOnEssential(string status) =>
        string.Equals(status, "START", StringComparison.OrdinalIgnoreCase)
        || string.Equals(status, "HEALTHY", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reports each dependency of one container whose condition is not a known status.</summary>
    /// <param name="dependsOn">Container name to condition.</param>
    /// <param name="fieldPath">The path of the <c>depends_on</c> map.</param>
    /// <param name="diagnostics">Where to report.</param>
    public static void CheckStatuses(IReadOnlyDictionary<string, string> dependsOn, string fieldPath, DiagnosticCollector diagnostics)
    {
        foreach (var (container, status) in dependsOn)
        {
            if (!IsValid(status))
            {
                diagnostics.Error(
                    FieldPath.Key(fieldPath, container),
                    $"container dependency status must be one of START, COMPLETE, SUCCESS or HEALTHY; got \"{status}\" for container {container}");
            }
        }
    }
}
