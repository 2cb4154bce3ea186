using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>Builds the EFS <c>AccessPoint</c> of a copilot-managed volume (a directory named after the job).</summary>
internal static class AccessPointBuilder
{
    public static YamlMappingNode? Build(SynthesisContext context)
    {
        if (context.Storage.Managed is null)
        {
            return null;
        }

        var (uid, gid) = context.Storage.ManagedPosixIds(context.JobName);
        return TemplateParts.Resource(
            "AWS::EFS::AccessPoint",
            Cfn.Map(
                ("ClientToken", Cfn.SubPlain("${AppName}-${EnvName}-${WorkloadName}")),
                ("FileSystemId", Cfn.GetAtt("EnvControllerAction", "ManagedFileSystemID")),
                ("PosixUser", Cfn.Map(("Uid", Cfn.Int(uid)), ("Gid", Cfn.Int(gid)))),
                ("RootDirectory", Cfn.Map(
                    ("Path", Cfn.Single("/" + context.JobName)),
                    ("CreationInfo", Cfn.Map(
                        ("OwnerUid", Cfn.Int(uid)),
                        ("OwnerGid", Cfn.Int(gid)),
                        ("Permissions", Cfn.Single("0755"))))))),
            TemplateParts.Description("An EFS access point to handle POSIX permissions"));
    }
}
