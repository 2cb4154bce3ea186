using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// Ports exposed by the task's containers (for a job, the sidecars' <c>port</c>) must be valid numbers, and one port
/// can be exposed by only one container with only one protocol.
/// </summary>
internal sealed class ExposedPortsRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        var exposed = new List<ExposedPort>();
        foreach (var (name, sidecar) in manifest.Sidecars)
        {
            var path = FieldPath.Key(FieldPath.Key("sidecars", name), "port");
            if (sidecar.Port is null || SidecarPort.Split(sidecar.Port, out _) is not { } port)
            {
                continue; // No port, or a malformed one that SidecarsRule reports.
            }

            if (!port.TryGetNumber(out var number))
            {
                diagnostics.Error(path, $"cannot parse port \"{port.Number}\": expected a whole number between 0 and 65535");
                continue;
            }

            exposed.Add(new ExposedPort(name, number, port.Protocol, path));
        }

        CheckUnique(exposed, diagnostics);
    }

    /// <summary>Reports each port exposed twice, in the order given.</summary>
    internal static void CheckUnique(IEnumerable<ExposedPort> ports, DiagnosticCollector diagnostics)
    {
        var firstByPort = new Dictionary<ushort, ExposedPort>();
        foreach (var port in ports)
        {
            if (!firstByPort.TryGetValue(port.Number, out var first))
            {
                firstByPort[port.Number] = port;
            }
            else if (first.Container != port.Container)
            {
                diagnostics.Error(port.FieldPath, $"containers \"{first.Container}\" and \"{port.Container}\" are exposing the same port {port.Number}; each port can be exposed by one container only");
            }
            else if (first.Protocol != port.Protocol)
            {
                diagnostics.Error(port.FieldPath, $"container \"{port.Container}\" is exposing the same port {port.Number} with protocol {first.Protocol} and {port.Protocol}; use one protocol per port");
            }
        }
    }

    /// <summary>A port one container exposes.</summary>
    internal sealed record ExposedPort(string Container, ushort Number, string Protocol, string FieldPath);
}
