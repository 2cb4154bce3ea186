using System.Text.RegularExpressions;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// <c>taskdef_overrides</c>: each rule needs a path of well-formed segments, and the task definition family and
/// container names cannot be overridden.
/// </summary>
internal sealed partial class TaskDefOverridesRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        for (var i = 0; i < manifest.TaskDefOverrides.Count; i++)
        {
            var path = manifest.TaskDefOverrides[i].Path;
            var fieldPath = FieldPath.Key(FieldPath.Index("taskdef_overrides", i), "path");
            if (string.IsNullOrEmpty(path))
            {
                diagnostics.Error(fieldPath, "\"path\" must be specified; expected a path under the task definition's properties, for example ContainerDefinitions[0].Ulimits[-].HardLimit");
                continue;
            }

            if (Family().IsMatch(path))
            {
                diagnostics.Error(fieldPath, "\"Family\" cannot be overridden with a custom value; copilot names the task definition family itself");
            }
            else if (ContainerName().IsMatch(path))
            {
                diagnostics.Error(fieldPath, @"""ContainerDefinitions\[\d+\].Name"" cannot be overridden with a custom value; container names must stay as copilot sets them");
            }

            foreach (var segment in path.Split('.'))
            {
                if (!Segment().IsMatch(segment))
                {
                    diagnostics.Error(fieldPath, $"invalid override path segment \"{segment}\": segments must be of the form \"array[0]\", \"array[-]\" or \"key\"");
                }
            }
        }
    }

    [GeneratedRegex("^Family$", RegexOptions.CultureInvariant)]
    private static partial Regex Family();

    // The unescaped '.' is a wildcard, as in copilot.
    [GeneratedRegex(@"^ContainerDefinitions\[\d+\].Name$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();

    [GeneratedRegex(@"^([a-zA-Z0-9_-]+)(\[(\d+|-)\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
