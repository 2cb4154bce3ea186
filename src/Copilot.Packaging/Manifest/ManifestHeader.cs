using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Manifest;

/// <summary>A manifest's <c>name</c> and <c>type</c> as written (not interpolated), read cheaply for listing jobs.</summary>
/// <param name="Name">The <c>name</c> value; null when absent.</param>
/// <param name="Type">The <c>type</c> value; null when absent.</param>
/// <param name="NameLocation">Where <c>name</c> was written; null when absent.</param>
/// <param name="TypeLocation">Where <c>type</c> was written; null when absent.</param>
internal sealed record ManifestHeader(string? Name, string? Type, SourceLocation? NameLocation, SourceLocation? TypeLocation)
{
    /// <summary>The only workload type this tool packages.</summary>
    public const string ScheduledJobType = "Scheduled Job";

    /// <summary>True when <see cref="Type"/> is exactly <c>Scheduled Job</c>.</summary>
    public bool IsScheduledJob => Type == ScheduledJobType;
}
