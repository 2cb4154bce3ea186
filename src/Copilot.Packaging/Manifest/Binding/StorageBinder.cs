using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Nodes;

namespace Copilot.Packaging.Manifest.Binding;

/// <summary>Binds <c>storage</c>: ephemeral size, read-only root, and volumes with their <c>efs</c> forms.</summary>
internal static class StorageBinder
{
    private static readonly string[] ManagedKeys = ["uid", "gid"];
    private static readonly string[] ExistingKeys = ["id", "root_dir", "auth"];

    public static StorageConfig? Bind(MapReader? storage)
    {
        if (storage is null)
        {
            return null;
        }

        var context = storage.Context;
        var volumes = new Dictionary<string, VolumeConfig>(StringComparer.Ordinal);
        var volumesPath = storage.PathOf("volumes");
        foreach (var (name, value) in ValueReader.Entries(context, storage["volumes"], volumesPath, "a map of volume names to volume settings"))
        {
            var volumePath = BindContext.Join(volumesPath, name);
            context.Record(volumePath, value);
            var volume = MapReader.Open(context, value, volumePath, ManifestSchema.Volume);
            volumes[name] = volume is null
                ? new VolumeConfig()
                : new VolumeConfig
                {
                    Path = volume.String("path"),
                    ReadOnly = volume.Bool("read_only"),
                    Efs = Efs(context, volume["efs"], volume.PathOf("efs")),
                };
        }

        return new StorageConfig
        {
            Ephemeral = storage.Int("ephemeral"),
            ReadonlyRootFs = storage.Bool("readonly_fs"),
            Volumes = volumes,
        };
    }

    private static EfsConfig? Efs(BindContext context, ManifestNode? node, string path)
    {
        const string ShapeMessage = "cannot unmarshal \"efs\" field into bool or map";
        const string Expected = "true, false, or a map with id, root_dir, auth, uid, gid";
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case ScalarNode scalar when scalar.Kind is ScalarKind.Bool or ScalarKind.String:
                var enabled = ValueReader.Bool(context, node, path);
                return enabled is null ? null : new EfsConfig { Enabled = enabled };
            case MappingNode map when ManifestSchema.Efs.Keys.Any(map.HasValue):
                var efs = MapReader.Wrap(context, map, path, ManifestSchema.Efs);
                if (ManagedKeys.Any(efs.Has) && ExistingKeys.Any(efs.Has))
                {
                    context.Error(map, path, "must specify one, not both, of \"uid/gid\" and \"id/root_dir/auth\"; found keys of both groups");
                }

                var (id, idFromCfn) = FileSystemId(context, efs["id"], efs.PathOf("id"));
                var auth = efs.Map("auth", ManifestSchema.EfsAuth);
                return new EfsConfig
                {
                    FileSystemId = id,
                    FileSystemIdFromCfn = idFromCfn,
                    RootDirectory = efs.String("root_dir"),
                    Auth = auth is null ? null : new EfsAuthConfig { Iam = auth.Bool("iam"), AccessPointId = auth.String("access_point_id") },
                    Uid = ValueReader.UInt32(context, efs["uid"], efs.PathOf("uid")),
                    Gid = ValueReader.UInt32(context, efs["gid"], efs.PathOf("gid")),
                };
            default:
                context.WrongShape(node, path, ShapeMessage, Expected);
                return null;
        }
    }

    private static (string? Id, string? FromCfn) FileSystemId(BindContext context, ManifestNode? node, string path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return (null, null);
            case ScalarNode:
                return (ValueReader.String(context, node, path), null);
            case MappingNode map when map.HasValue("from_cfn"):
                var id = MapReader.Wrap(context, map, path, ManifestSchema.EfsId);
                return (null, id.String("from_cfn"));
            default:
                context.WrongShape(node, path, "cannot unmarshal \"id\" field to a string or into a map", "a file system ID or a map with from_cfn");
                return (null, null);
        }
    }
}
