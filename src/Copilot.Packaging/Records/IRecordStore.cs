namespace Copilot.Packaging.Records;

/// <summary>
/// Reads the application and environment records packaging needs. Implemented by the workspace records file
/// (<c>copilot/.records.yml</c>, no AWS account needed) and by the AWS store (SSM and CloudFormation).
/// Missing records throw <see cref="Errors.CopilotJobException"/> with a message that names the source.
/// </summary>
internal interface IRecordStore
{
    /// <summary>A short description of where records come from, for the one-line notice (for example <c>copilot/.records.yml</c>).</summary>
    string Source { get; }

    /// <summary>True when the store has a record for the environment.</summary>
    Task<bool> HasEnvironmentAsync(string app, string env, CancellationToken cancellationToken);

    /// <summary>Reads the application record.</summary>
    Task<ApplicationRecord> GetApplicationAsync(string app, CancellationToken cancellationToken);

    /// <summary>Reads the environment record.</summary>
    Task<EnvironmentRecord> GetEnvironmentAsync(string app, string env, CancellationToken cancellationToken);

    /// <summary>Lists the application's environment names, sorted.</summary>
    Task<IReadOnlyList<string>> ListEnvironmentsAsync(string app, CancellationToken cancellationToken);

    /// <summary>Reads the application's regional resources in <paramref name="region"/>.</summary>
    Task<RegionalResources> GetRegionalResourcesAsync(ApplicationRecord app, string region, CancellationToken cancellationToken);
}
