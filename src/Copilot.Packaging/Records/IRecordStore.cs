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

    /// <summary>
    /// The environment record as far as it says where the environment is: name, region, account and roles, which the
    /// AWS store knows from SSM before it reads the environment stack. <see cref="EnvironmentRecord.Version"/> and
    /// <see cref="EnvironmentRecord.Features"/> may be empty; use it only to start reads that need the environment's
    /// region and role (the deployed workload stack), so they run in the same wave as the environment stack's.
    /// The default is the full record.
    /// </summary>
    Task<EnvironmentRecord> LocateEnvironmentAsync(string app, string env, CancellationToken cancellationToken) =>
        GetEnvironmentAsync(app, env, cancellationToken);

    /// <summary>Lists the application's environment names, sorted.</summary>
    Task<IReadOnlyList<string>> ListEnvironmentsAsync(string app, CancellationToken cancellationToken);

    /// <summary>Reads the application's regional resources in <paramref name="region"/>.</summary>
    Task<RegionalResources> GetRegionalResourcesAsync(ApplicationRecord app, string region, CancellationToken cancellationToken);
}
