namespace Copilot.Packaging.Records.Export;

/// <summary>One <c>records export</c> run, as the user asked for it.</summary>
public sealed record RecordsExportRequest
{
    /// <summary>The directory the search for <c>copilot/</c> starts from.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>
    /// The environment to export. The host chooses it (<c>WorkspaceCatalog.ListAwsEnvironmentsAsync</c> lists the
    /// application's environments in AWS).
    /// </summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The application; null for the one in <c>copilot/.workspace</c>.</summary>
    public string? ApplicationName { get; init; }
}
