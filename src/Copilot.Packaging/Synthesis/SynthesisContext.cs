using Copilot.Packaging.Conversions;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Synthesis;

/// <summary>A sidecar with its name and the logical-ID-safe form of the name.</summary>
/// <param name="Name">The sidecar name.</param>
/// <param name="SafeName">The name stripped to <c>[a-zA-Z0-9]</c> (used in <c>EnvFileARNFor&lt;S&gt;</c>).</param>
/// <param name="Config">The sidecar.</param>
internal sealed record NamedSidecar(string Name, string SafeName, SidecarConfig Config)
{
    /// <summary>The env file parameter of this sidecar.</summary>
    public string EnvFileParameter => "EnvFileARNFor" + SafeName;

    /// <summary>The condition that the env file parameter is set.</summary>
    public string EnvFileCondition => "HasEnvFileFor" + SafeName;
}

/// <summary>Facts derived once from <see cref="JobStackInput"/> and shared by every builder.</summary>
internal sealed class SynthesisContext
{
    public SynthesisContext(JobStackInput input, string scheduleExpression)
    {
        Input = input;
        Manifest = input.Manifest;
        ScheduleExpression = scheduleExpression;
        Platform = RuntimePlatformInfo.From(Manifest.Platform);
        Storage = new StorageLayout(Manifest.Storage);
        Placement = NetworkPlacement.From(Manifest);
        var sidecars = new List<NamedSidecar>(Manifest.Sidecars.Count);
        foreach (var name in Utf8OrdinalComparer.SortedKeys(Manifest.Sidecars))
        {
            sidecars.Add(new NamedSidecar(name, LogicalIds.Safe(name), Manifest.Sidecars[name]));
        }

        Sidecars = sidecars;
        Topics = Manifest.Topics.Select(PublishedTopic.From).ToList();
        Addons = new AddonsStackOutputs(input.Addons);
        RejectCollisions(Sidecars.Select(s => new NameAndId(s.Name, s.SafeName)), "sidecars", "sidecar");
        RejectCollisions(Topics.Select(t => new NameAndId(t.Name, t.LogicalIdPrefix)), "publish.topics", "topic");
        var envControllerParameters = new List<string>();
        if (Placement.Kind == PlacementKind.Private)
        {
            envControllerParameters.Add("NATWorkloads");
        }

        if (Storage.Managed is not null)
        {
            envControllerParameters.Add("EFSWorkloads");
        }

        EnvControllerParameters = envControllerParameters;
    }

    public JobStackInput Input { get; }

    // Names are stripped to letters and digits for logical IDs; two names that strip to the same text would
    // produce duplicate logical IDs (copilot did not notice, CloudFormation rejects the template).
    private void RejectCollisions(IEnumerable<NameAndId> names, string field, string kind)
    {
        foreach (var group in names.GroupBy(n => n.Safe, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var clashing = string.Join(" and ", group.Select(n => $"\"{n.Name}\""));
            throw new Errors.CopilotJobException(
                $"{kind} names {clashing} both become \"{group.Key}\" in CloudFormation logical IDs; rename one so the names differ in their letters or digits",
                Manifest.Source.Locate(field));
        }
    }

    public ScheduledJobManifest Manifest { get; }

    /// <summary>The EventBridge schedule expression (<c>none</c> disables the rule).</summary>
    public string ScheduleExpression { get; }

    public string AppName => Input.Application.Name;

    public string EnvName => Input.Environment.Name;

    public string JobName => Manifest.Name;

    /// <summary>The application's IAM permissions boundary policy name; empty when none.</summary>
    public string PermissionsBoundary => Input.Application.PermissionsBoundary;

    /// <summary>The service discovery endpoint, defaulting to <c>&lt;app&gt;.local</c>.</summary>
    public string ServiceDiscoveryEndpoint =>
        string.IsNullOrEmpty(Input.Environment.ServiceDiscoveryEndpoint) ? $"{AppName}.local" : Input.Environment.ServiceDiscoveryEndpoint;

    /// <summary>True when the FireLens log router sidecar is added.</summary>
    public bool FireLensEnabled => Manifest.Logging?.IsFireLensEnabled == true;

    public RuntimePlatformInfo Platform { get; }

    public StorageLayout Storage { get; }

    public NetworkPlacement Placement { get; }

    /// <summary>Sidecars sorted by name.</summary>
    public IReadOnlyList<NamedSidecar> Sidecars { get; }

    /// <summary>Published topics in manifest order.</summary>
    public IReadOnlyList<PublishedTopic> Topics { get; }

    /// <summary>What the addons nested stack gives the main template (all empty without addons).</summary>
    public AddonsStackOutputs Addons { get; }

    /// <summary>The environment features the env controller must enable (<c>NATWorkloads</c>, <c>EFSWorkloads</c>).</summary>
    public IReadOnlyList<string> EnvControllerParameters { get; }

    // A class, not a tuple, so that grouping the names runs on the framework's shared precompiled code.
    private sealed record NameAndId(string Name, string Safe);
}
