using Copilot.Packaging.Records;

namespace Copilot.Packaging.Stacks;

/// <summary>Reads deployed workload stacks of one environment (the downgrade guard and <c>--diff</c>).</summary>
internal interface IDeployedStackSource
{
    /// <summary>The deployed stack's <c>Metadata.Version</c>; null when there is no stack or no version.</summary>
    Task<string?> GetDeployedVersionAsync(string stackName, CancellationToken cancellationToken);

    /// <summary>The deployed stack's template, parameters and tags; null when there is no stack.</summary>
    Task<DeployedStack?> GetDeployedStackAsync(string stackName, CancellationToken cancellationToken);
}

/// <summary>The port to deployed stacks: a <see cref="IDeployedStackSource"/> per environment.</summary>
internal interface IDeployedStacks
{
    /// <summary>Reads stacks of <paramref name="environment"/> (as its manager role, in its region).</summary>
    Task<IDeployedStackSource> ForEnvironmentAsync(EnvironmentRecord environment, CancellationToken cancellationToken);
}
