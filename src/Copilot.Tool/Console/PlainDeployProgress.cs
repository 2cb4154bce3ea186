using System.Globalization;
using Copilot.Packaging.Deploy;

namespace Copilot.Tool;

/// <summary>
/// Deploy progress without a terminal (CI logs): one timestamped line per resource state change, the event's own time
/// in UTC, elapsed time once a resource is done, failure reasons on indented lines below. No colour, no cursor movement.
/// </summary>
internal sealed class PlainDeployProgress(TextWriter output) : IDeployProgress
{
    private readonly Dictionary<string, int> reasonsShown = new(StringComparer.Ordinal);

    public void Started(DeploySnapshot snapshot)
    {
        output.WriteLine($"{Stamp(snapshot.Now)}  {snapshot.Title}: {snapshot.Resources.Count} resource(s) to watch");
    }

    public void Changed(DeploySnapshot snapshot, IReadOnlyList<ResourceProgress> changed)
    {
        foreach (var row in changed)
        {
            var elapsed = row.IsDone && row.Elapsed(snapshot.Now) is { } time ? $" ({DeployProgressFormat.Seconds(time)})" : string.Empty;
            var name = row.LogicalId == snapshot.Stack.LogicalId ? $"stack {row.LogicalId}" : $"{row.LogicalId}: {row.Description}";
            output.WriteLine($"{Stamp(row.UpdatedAt ?? snapshot.Now)}  {DeployProgressFormat.Status(row.Status),-28}  {name}{elapsed}");
            var shown = reasonsShown.GetValueOrDefault(row.LogicalId);
            foreach (var reason in row.Reasons.Skip(shown))
            {
                output.WriteLine($"{new string(' ', 22)}reason: {reason}");
            }

            reasonsShown[row.LogicalId] = row.Reasons.Count;
        }
    }

    public void Tick(DeploySnapshot snapshot)
    {
    }

    public void Finished(DeploySnapshot snapshot)
    {
    }

    private static string Stamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>What both progress forms share: how statuses and times read.</summary>
internal static class DeployProgressFormat
{
    public static string Status(string? status) => status is null ? "not started" : StackStatuses.Humanize(status);

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
