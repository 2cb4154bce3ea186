using Copilot.Packaging.Manifest.Validation.Rules;

namespace Copilot.Packaging.Manifest.Validation;

/// <summary>The rules <see cref="ManifestValidator"/> runs: copilot's, in copilot's order, then the deploy-time checks.</summary>
internal static class ManifestRules
{
    /// <summary>Every rule, in the order they run.</summary>
    public static readonly IReadOnlyList<IManifestRule> All =
    [
        // Copilot's validation (validate.go), same order.
        new ImageRule(),
        new PlatformRule(),
        new CountRule(),
        new EphemeralStorageRule(),
        new VolumesRule(),
        new ImportNamesRule(),
        new EnvFileRule(),
        new SidecarsRule(),
        new NetworkRule(),
        new ScheduleRule(),
        new PublishRule(),
        new TaskDefOverridesRule(),
        new WindowsRule(),
        new NameRule(),
        new ContainerDependenciesRule(),
        new ExposedPortsRule(),

        // Checks copilot leaves to rendering or to CloudFormation, ECS and Step Functions at deploy time.
        new TimeoutRule(),
        new RetriesRule(),
        new ContainerNamesRule(),
        new FargateTaskSizeRule(),
        new HealthCheckRule(),
        new SecretArnsRule(),
        new ImageReferenceRule(),
    ];
}
