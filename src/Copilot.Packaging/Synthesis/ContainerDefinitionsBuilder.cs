using System.Globalization;
using Copilot.Packaging.Conversions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>
/// Builds the task definition's <c>ContainerDefinitions</c>: the main container, the FireLens log router when
/// logging is configured, then the sidecars sorted by name.
/// </summary>
internal static class ContainerDefinitionsBuilder
{
    private const string DefaultFireLensImage = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable";

    public static YamlSequenceNode Build(SynthesisContext context)
    {
        var containers = new List<YamlNode> { MainContainer(context) };
        if (context.FireLensEnabled)
        {
            containers.Add(FireLensContainer(context, context.Manifest.Logging!));
        }

        containers.AddRange(context.Sidecars.Select(sidecar => SidecarContainer(context, sidecar)));
        return Cfn.ListOf(containers);
    }

    private static YamlMappingNode MainContainer(SynthesisContext context)
    {
        var manifest = context.Manifest;
        var volumes = context.Storage.Volumes;
        var mountPoints = volumes.Select(v => KeyValuePair.Create(v.Name, v.Config.Path ?? string.Empty));
        return Cfn.Map(
            ("Name", Cfn.Ref("WorkloadName")),
            ("Image", Cfn.Ref("ContainerImage")),
            ("Secrets", ContainerEnvironmentBuilder.Secrets(manifest.Secrets, context.Addons.Secrets)),
            ("Environment", ContainerEnvironmentBuilder.Environment(context, manifest.Variables, mountPoints)),
            ("EnvironmentFiles", ContainerEnvironmentBuilder.EnvironmentFiles("HasEnvFile", "EnvFileARN")),
            ("LogConfiguration", context.FireLensEnabled ? FireLensLogConfiguration(manifest.Logging!) : AwsLogsConfiguration()),
            ("EntryPoint", Words(manifest.EntryPoint)),
            ("Command", Words(manifest.Command)),
            ("MountPoints", volumes.Count == 0
                ? null
                : Cfn.ListOf(volumes.Select(v => (YamlNode)Cfn.Map(
                    ("ContainerPath", Cfn.Single(v.Config.Path ?? string.Empty)),
                    ("ReadOnly", Cfn.Bool(v.Config.ReadOnly ?? true)),
                    ("SourceVolume", Cfn.Str(v.Name)))))),
            ("DockerLabels", Labels(manifest.Image.Labels)),
            ("DependsOn", DependsOn(manifest.Image.DependsOn)),
            ("HealthCheck", HealthCheckBuilder.Build(manifest.Image.HealthCheck, manifest.Source, "image.healthcheck")),
            ("ReadonlyRootFilesystem", manifest.Storage?.ReadonlyRootFs is { } readOnly ? Cfn.Bool(readOnly) : null),
            ("RepositoryCredentials", manifest.Image.Credentials is { } credentials
                ? Cfn.Map(("CredentialsParameter", Cfn.Str(credentials)))
                : null));
    }

    private static YamlMappingNode FireLensContainer(SynthesisContext context, LoggingConfig logging)
    {
        var options = Cfn.Map(("enable-ecs-log-metadata", Cfn.Single((logging.EnableMetadata ?? true) ? "true" : "false")));
        if (logging.ConfigFilePath is { } configFile)
        {
            options.Add("config-file-type", Cfn.Str("file"));
            options.Add("config-file-value", Cfn.Str(configFile));
        }

        return Cfn.Map(
            ("Name", Cfn.Str(LoggingConfig.FireLensContainerName)),
            ("Image", Cfn.Str(logging.Image ?? DefaultFireLensImage)),
            ("Environment", ContainerEnvironmentBuilder.Environment(context, logging.Variables, [])),
            ("EnvironmentFiles", ContainerEnvironmentBuilder.EnvironmentFiles("HasLoggingEnvFile", "LoggingEnvFileARN")),
            ("Secrets", ContainerEnvironmentBuilder.Secrets(logging.Secrets)),
            ("FirelensConfiguration", Cfn.Map(("Type", Cfn.Str("fluentbit")), ("Options", options))),
            ("LogConfiguration", AwsLogsConfiguration()));
    }

    private static YamlMappingNode SidecarContainer(SynthesisContext context, NamedSidecar sidecar)
    {
        var config = sidecar.Config;
        var fieldPath = $"sidecars.{sidecar.Name}";
        var image = config.ImageLocation
            ?? (context.Input.SidecarImages.TryGetValue(sidecar.Name, out var pushed) ? pushed : string.Empty);
        var mountPoints = config.MountPoints.Select(m => KeyValuePair.Create(m.SourceVolume ?? string.Empty, m.Path ?? string.Empty));
        return Cfn.Map(
            ("Name", Cfn.Str(sidecar.Name)),
            ("Image", Cfn.Str(image)),
            ("Essential", config.Essential is { } essential ? Cfn.Bool(essential) : null),
            ("EntryPoint", Words(config.EntryPoint)),
            ("Command", Words(config.Command)),
            ("PortMappings", config.Port is { } port ? Cfn.List(PortMapping(context, port, fieldPath + ".port")) : null),
            ("HealthCheck", HealthCheckBuilder.Build(config.HealthCheck, context.Manifest.Source, fieldPath + ".healthcheck")),
            ("Environment", ContainerEnvironmentBuilder.Environment(context, config.Variables, mountPoints)),
            ("EnvironmentFiles", ContainerEnvironmentBuilder.EnvironmentFiles(sidecar.EnvFileCondition, sidecar.EnvFileParameter)),
            ("Secrets", ContainerEnvironmentBuilder.Secrets(config.Secrets)),
            ("LogConfiguration", AwsLogsConfiguration()),
            ("DockerLabels", Labels(config.Labels)),
            ("DependsOn", DependsOn(config.DependsOn)),
            ("RepositoryCredentials", config.CredentialsParameter is { } credentials
                ? Cfn.Map(("CredentialsParameter", Cfn.Str(credentials)))
                : null),
            ("MountPoints", config.MountPoints.Count == 0
                ? null
                : Cfn.ListOf(config.MountPoints.Select(m => (YamlNode)Cfn.Map(
                    ("SourceVolume", Cfn.Str(m.SourceVolume ?? string.Empty)),
                    ("ReadOnly", Cfn.Bool(m.ReadOnly ?? true)),
                    ("ContainerPath", Cfn.Single(m.Path ?? string.Empty)))))));
    }

    private static YamlMappingNode PortMapping(SynthesisContext context, string port, string fieldPath)
    {
        var parts = port.Split('/');
        var protocol = parts.Length > 1 ? parts[1].ToLowerInvariant() : "tcp";
        if (parts.Length > 2 || !ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new CopilotJobException(
                $"cannot parse port mapping from {port}; expected a port number from 0 to 65535, optionally followed by /tcp or /udp",
                context.Manifest.Source.Locate(fieldPath));
        }

        return Cfn.Map(("ContainerPort", Cfn.Int(number)), ("Protocol", Cfn.Str(protocol)));
    }

    private static YamlMappingNode AwsLogsConfiguration() =>
        Cfn.Map(
            ("LogDriver", Cfn.Str("awslogs")),
            ("Options", Cfn.Map(
                ("awslogs-region", Cfn.Ref("AWS::Region")),
                ("awslogs-group", Cfn.Ref("LogGroup")),
                ("awslogs-stream-prefix", Cfn.Str("copilot")))));

    private static YamlMappingNode FireLensLogConfiguration(LoggingConfig logging) =>
        Cfn.Map(
            ("LogDriver", Cfn.Str("awsfirelens")),
            ("Options", logging.Destination.Count == 0
                ? null
                : StringMap(logging.Destination)),
            ("SecretOptions", ContainerEnvironmentBuilder.Secrets(logging.SecretOptions)));

    private static YamlSequenceNode? Words(CommandLine? commandLine) =>
        commandLine is null || commandLine.Words.Count == 0
            ? null
            : Cfn.ListOf(commandLine.Words.Select(word => (YamlNode)Cfn.Str(word)));

    private static YamlMappingNode? Labels(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0 ? null : StringMap(labels);

    private static YamlSequenceNode? DependsOn(IReadOnlyDictionary<string, string> dependsOn)
    {
        if (dependsOn.Count == 0)
        {
            return null;
        }

        var items = new List<YamlNode>(dependsOn.Count);
        foreach (var container in Utf8OrdinalComparer.SortedKeys(dependsOn))
        {
            items.Add(Cfn.Map(
                ("Condition", Cfn.Str(dependsOn[container].ToUpperInvariant())),
                ("ContainerName", Cfn.Str(container))));
        }

        return Cfn.ListOf(items);
    }

    // A map of plain strings, keys in copilot's order.
    private static YamlMappingNode StringMap(IReadOnlyDictionary<string, string> entries)
    {
        var map = new YamlMappingNode();
        foreach (var key in Utf8OrdinalComparer.SortedKeys(entries))
        {
            map.Add(Cfn.Key(key), Cfn.Str(entries[key]));
        }

        return map;
    }
}
