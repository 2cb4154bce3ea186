namespace Copilot.Packaging.Manifest.Binding;

/// <summary>
/// The keys a Scheduled Job manifest accepts at each place. Keys copilot accepts for jobs without effect
/// (<c>exec</c>, <c>network.connect</c>, <c>count</c>, <c>security_groups.deny_default</c>) are listed; keys that only
/// services read (<c>http</c>, <c>image.port</c>, ...) are not.
/// </summary>
internal static class ManifestSchema
{
    private static readonly string[] OverridableKeys =
    [
        "image", "entrypoint", "command", "cpu", "memory", "count", "platform", "exec", "variables", "env_file", "secrets",
        "storage", "logging", "sidecars", "network", "publish", "on", "retries", "timeout", "taskdef_overrides",
    ];

    public static readonly ManifestPlace Root = new("the top level", ["name", "type", .. OverridableKeys, "environments"]);

    public static readonly ManifestPlace EnvironmentOverride = new("environments.<env>", OverridableKeys);

    public static readonly ManifestPlace Image = new("image", ["build", "location", "credentials", "labels", "depends_on", "healthcheck"]);

    public static readonly ManifestPlace Build = new("image.build", ["context", "dockerfile", "args", "target", "cache_from"]);

    public static readonly ManifestPlace HealthCheck = new("image.healthcheck", ["command", "interval", "retries", "timeout", "start_period"]);

    public static readonly ManifestPlace On = new("on", ["schedule"]);

    public static readonly ManifestPlace Platform = new("platform", ["osfamily", "architecture"]);

    public static readonly ManifestPlace Exec = new("exec", ["enable"]);

    public static readonly ManifestPlace Count = new("count", ["range", "cpu_percentage", "memory_percentage", "requests", "response_time", "queue_delay", "spot"]);

    public static readonly ManifestPlace FromCfn = new("variables.<name>", ["from_cfn"]);

    public static readonly ManifestPlace Secret = new("secrets.<name>", ["secretsmanager", "from_cfn"]);

    public static readonly ManifestPlace Storage = new("storage", ["ephemeral", "readonly_fs", "volumes"]);

    public static readonly ManifestPlace Volume = new("storage.volumes.<name>", ["path", "read_only", "efs"]);

    public static readonly ManifestPlace Efs = new("storage.volumes.<name>.efs", ["id", "root_dir", "auth", "uid", "gid"]);

    public static readonly ManifestPlace EfsAuth = new("storage.volumes.<name>.efs.auth", ["iam", "access_point_id"]);

    public static readonly ManifestPlace EfsId = new("storage.volumes.<name>.efs.id", ["from_cfn"]);

    public static readonly ManifestPlace Logging = new(
        "logging",
        ["retention", "image", "destination", "enableMetadata", "secretOptions", "configFilePath", "variables", "secrets", "env_file"]);

    public static readonly ManifestPlace Sidecar = new(
        "sidecars.<name>",
        ["port", "image", "essential", "credentialsParameter", "variables", "env_file", "secrets", "mount_points", "labels", "depends_on", "healthcheck", "entrypoint", "command"]);

    public static readonly ManifestPlace SidecarImage = new("sidecars.<name>.image", ["build", "location"]);

    public static readonly ManifestPlace MountPoint = new("sidecars.<name>.mount_points[]", ["source_volume", "path", "read_only"]);

    public static readonly ManifestPlace Network = new("network", ["vpc", "connect"]);

    public static readonly ManifestPlace Vpc = new("network.vpc", ["placement", "security_groups"]);

    public static readonly ManifestPlace Placement = new("network.vpc.placement", ["subnets"]);

    public static readonly ManifestPlace Subnets = new("network.vpc.placement.subnets", ["from_tags"]);

    public static readonly ManifestPlace SecurityGroups = new("network.vpc.security_groups", ["groups", "deny_default"]);

    public static readonly ManifestPlace SecurityGroupItem = new("network.vpc.security_groups[]", ["from_cfn"]);

    public static readonly ManifestPlace Connect = new("network.connect", ["alias"]);

    public static readonly ManifestPlace Publish = new("publish", ["topics"]);

    public static readonly ManifestPlace Topic = new("publish.topics[]", ["name", "fifo"]);

    public static readonly ManifestPlace Fifo = new("publish.topics[].fifo", ["content_based_deduplication"]);

    public static readonly ManifestPlace TaskDefOverride = new("taskdef_overrides[]", ["path", "value"]);

    /// <summary>Every place, for "this key belongs elsewhere" hints.</summary>
    public static readonly IReadOnlyList<ManifestPlace> All =
    [
        Root, Image, Build, HealthCheck, On, Platform, Exec, Storage, Volume, Efs, EfsAuth, Logging, Sidecar, SidecarImage,
        MountPoint, Network, Vpc, Placement, Subnets, SecurityGroups, Connect, Publish, Topic, Fifo, TaskDefOverride,
    ];
}
