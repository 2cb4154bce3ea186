using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// <c>depends_on</c> across the task's containers (main container, FireLens log router when logging is enabled,
/// sidecars): targets must exist, essential targets only accept START or HEALTHY, no container depends on itself,
/// and there are no cycles.
/// </summary>
internal sealed class ContainerDependenciesRule : IManifestRule
{
    /// <summary>The container name copilot gives the FireLens log router.</summary>
    internal const string LogRouterName = LoggingConfig.FireLensContainerName;

    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        var containers = Containers(manifest);
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var container in containers.Values)
        {
            edges[container.Name] = [];
            foreach (var (target, status) in container.DependsOn)
            {
                var path = FieldPath.Key(container.DependsOnPath, target);
                if (!containers.TryGetValue(target, out var dependency))
                {
                    diagnostics.Error(path, $"container {target} does not exist; depend on one of this task's containers: {string.Join(", ", containers.Keys)}");
                    continue;
                }

                if (dependency.IsEssential && ContainerDependencyStatus.IsValid(status) && !ContainerDependencyStatus.IsAllowedOnEssential(status))
                {
                    diagnostics.Error(
                        path,
                        $"essential container {target} can only have status START or HEALTHY; container {container.Name} depends on it with status {status.ToUpperInvariant()}");
                }

                if (target == container.Name)
                {
                    diagnostics.Error(path, $"container {target} cannot depend on itself; remove this dependency");
                }
                else
                {
                    edges[container.Name].Add(target);
                }
            }
        }

        foreach (var cycle in DependencyCycles.Find(edges))
        {
            var first = containers[cycle[0]];
            diagnostics.Error(
                first.DependsOnPath,
                $"circular container dependency chain includes the following containers: [{string.Join(' ', cycle)}]; remove one of these dependencies");
        }
    }

    private static Dictionary<string, TaskContainer> Containers(ScheduledJobManifest manifest)
    {
        var containers = new Dictionary<string, TaskContainer>(StringComparer.Ordinal)
        {
            [manifest.Name] = new(manifest.Name, IsEssential: true, manifest.Image.DependsOn, "image.depends_on"),
        };
        if (manifest.Logging is { IsFireLensEnabled: true })
        {
            containers.TryAdd(LogRouterName, new TaskContainer(LogRouterName, IsEssential: false, new Dictionary<string, string>(), "logging"));
        }

        foreach (var (name, sidecar) in manifest.Sidecars)
        {
            containers.TryAdd(
                name,
                new TaskContainer(name, sidecar.Essential != false, sidecar.DependsOn, FieldPath.Key(FieldPath.Key("sidecars", name), "depends_on")));
        }

        return containers;
    }

    private sealed record TaskContainer(string Name, bool IsEssential, IReadOnlyDictionary<string, string> DependsOn, string DependsOnPath);
}
