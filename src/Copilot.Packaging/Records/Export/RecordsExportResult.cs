namespace Copilot.Packaging.Records.Export;

/// <summary>What <see cref="RecordsExporter.ExportAsync"/> wrote.</summary>
public sealed record RecordsExportResult
{
    /// <summary>The full path of the records file.</summary>
    public required string FilePath { get; init; }

    /// <summary>The path shown to users, relative to the workspace root (<c>copilot/.records.yml</c>).</summary>
    public required string DisplayPath { get; init; }

    /// <summary>The application.</summary>
    public required string ApplicationName { get; init; }

    /// <summary>The environment written.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The environment's region, whose regional resources were written too.</summary>
    public required string Region { get; init; }

    /// <summary>True when the file did not exist before.</summary>
    public bool Created { get; init; }

    /// <summary>True when the file already held exactly these records and was left as it was.</summary>
    public bool Unchanged { get; init; }
}
