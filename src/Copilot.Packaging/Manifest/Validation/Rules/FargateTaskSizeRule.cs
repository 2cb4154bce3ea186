using System.Globalization;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// Beyond copilot: <c>cpu</c> and <c>memory</c> must be a task size Fargate offers, which ECS otherwise only refuses at
/// deploy time ("Invalid 'cpu' setting for task"). Windows tasks need at least 1 vCPU and offer at most 4 vCPU.
/// Skipped when <c>taskdef_overrides</c> replaces <c>Cpu</c> or <c>Memory</c>.
/// </summary>
/// <remarks>Source: Amazon ECS Developer Guide, "Task size" / "Troubleshoot Amazon ECS task definition invalid CPU or memory errors".</remarks>
internal sealed class FargateTaskSizeRule : IManifestRule
{
    private static readonly IReadOnlyList<FargateTaskSize> Sizes =
    [
        new(256, [512, 1024, 2048], WindowsSupported: false),
        new(512, Range(1024, 4096, 1024), WindowsSupported: false),
        new(1024, Range(2048, 8192, 1024), WindowsSupported: true),
        new(2048, Range(4096, 16384, 1024), WindowsSupported: true),
        new(4096, Range(8192, 30720, 1024), WindowsSupported: true),
        new(8192, Range(16384, 61440, 4096), WindowsSupported: false),
        new(16384, Range(32768, 122880, 8192), WindowsSupported: false),
    ];

    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        if (manifest.TaskDefOverrides.Any(o => o.Path is "Cpu" or "Memory"))
        {
            return;
        }

        var isWindows = TaskPlatform.FromValid(manifest.Platform) is { IsWindows: true };
        var offered = Sizes.Where(s => !isWindows || s.WindowsSupported).ToList();
        var size = offered.Find(s => s.Cpu == manifest.Cpu);
        if (size is null)
        {
            var choices = JoinChoices(offered.Select(s => s.Cpu));
            var what = isWindows ? "Windows containers on Fargate" : "Fargate";
            diagnostics.Error("cpu", Invariant($"cpu {manifest.Cpu} is not a task size {what} offers; expected one of {choices} CPU units"));
            return;
        }

        if (!size.Memory.Contains(manifest.Memory))
        {
            diagnostics.Error(
                "memory",
                Invariant($"memory {manifest.Memory} is not available with cpu {size.Cpu} on Fargate; expected {size.Describe()} MiB"));
        }
    }

    private static List<int> Range(int from, int to, int step) =>
        Enumerable.Range(0, ((to - from) / step) + 1).Select(i => from + (i * step)).ToList();

    private static string JoinChoices(IEnumerable<int> values)
    {
        var list = values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();
        return string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record FargateTaskSize(int Cpu, IReadOnlyList<int> Memory, bool WindowsSupported)
    {
        public string Describe() =>
            Memory.Count <= 4
                ? JoinChoices(Memory)
                : Invariant($"{Memory[0]} to {Memory[^1]} in steps of {Memory[1] - Memory[0]}");
    }
}
