using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>Builds the <c>TaskDefinition</c> resource (platform, sizes, roles, containers and volumes).</summary>
internal static class TaskDefinitionBuilder
{
    public static YamlMappingNode Build(SynthesisContext context)
    {
        var platform = context.Platform;
        var properties = Cfn.Map(
            ("Family", TemplateParts.AppEnvWorkloadJoin()),
            ("RuntimePlatform", platform.IsDefault
                ? null
                : Cfn.Map(
                    ("OperatingSystemFamily", Cfn.Str(platform.OperatingSystemFamily)),
                    ("CpuArchitecture", Cfn.Str(platform.CpuArchitecture)))),
            ("NetworkMode", Cfn.Str("awsvpc")),
            ("RequiresCompatibilities", Cfn.List(Cfn.Str("FARGATE"))),
            ("Cpu", Cfn.Ref("TaskCPU")),
            ("Memory", Cfn.Ref("TaskMemory")),
            ("EphemeralStorage", context.Storage.EphemeralGiB is { } size ? Cfn.Map(("SizeInGiB", Cfn.Int(size))) : null),
            ("ExecutionRoleArn", Cfn.GetAtt("ExecutionRole", "Arn")),
            ("TaskRoleArn", Cfn.GetAtt("TaskRole", "Arn")),
            ("ContainerDefinitions", ContainerDefinitionsBuilder.Build(context)),
            ("Volumes", Volumes(context.Storage)));
        return TemplateParts.Resource(
            "AWS::ECS::TaskDefinition",
            properties,
            TemplateParts.Description("An ECS task definition to group your containers and run them on ECS"),
            dependsOn: "LogGroup");
    }

    // The managed EFS volume comes first, then every other volume sorted by name.
    private static YamlSequenceNode? Volumes(StorageLayout storage)
    {
        if (storage.Volumes.Count == 0)
        {
            return null;
        }

        var volumes = new List<YamlNode>();
        if (storage.Managed is { } managed)
        {
            volumes.Add(Cfn.Map(
                ("Name", Cfn.Str(managed.Name)),
                ("EFSVolumeConfiguration", Cfn.Map(
                    ("FilesystemId", Cfn.GetAtt("EnvControllerAction", "ManagedFileSystemID")),
                    ("RootDirectory", Cfn.Double("/")),
                    ("TransitEncryption", Cfn.Str("ENABLED")),
                    ("AuthorizationConfig", Cfn.Map(
                        ("AccessPointId", Cfn.Ref("AccessPoint")),
                        ("IAM", Cfn.Str("ENABLED"))))))));
        }

        foreach (var volume in storage.Volumes.Where(v => v != storage.Managed))
        {
            var efs = volume.Config.Efs;
            if (efs?.IsBringYourOwn != true)
            {
                volumes.Add(Cfn.Map(("Name", Cfn.Str(volume.Name))));
                continue;
            }

            volumes.Add(Cfn.Map(
                ("Name", Cfn.Str(volume.Name)),
                ("EFSVolumeConfiguration", Cfn.Map(
                    ("FilesystemId", efs.FileSystemIdFromCfn is { } export ? Cfn.Tagged("!ImportValue", export) : Cfn.Str(efs.FileSystemId!)),
                    ("RootDirectory", Cfn.Single(string.IsNullOrEmpty(efs.RootDirectory) ? "/" : efs.RootDirectory)),
                    ("TransitEncryption", Cfn.Str("ENABLED")),
                    ("AuthorizationConfig", Cfn.Map(
                        ("AccessPointId", efs.Auth?.AccessPointId is { } accessPoint ? Cfn.Str(accessPoint) : null),
                        ("IAM", Cfn.Str(efs.Auth?.Iam == true ? "ENABLED" : "DISABLED"))))))));
        }

        return Cfn.ListOf(volumes);
    }
}
