using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// <c>storage.volumes</c>: each volume needs a valid <c>path</c> and a consistent <c>efs</c> block, and at most one volume may
/// use the copilot-managed file system.
/// </summary>
internal sealed class VolumesRule : IManifestRule
{
    private const long MaximumPosixId = uint.MaxValue;

    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        if (manifest.Storage is null)
        {
            return;
        }

        string? firstManaged = null;
        foreach (var (name, volume) in manifest.Storage.Volumes)
        {
            var volumePath = FieldPath.Key("storage.volumes", name);
            if (volume.Efs is { } efs)
            {
                CheckEfs(efs, FieldPath.Key(volumePath, "efs"), diagnostics);
                if (efs.IsManaged)
                {
                    if (firstManaged is null)
                    {
                        firstManaged = name;
                    }
                    else
                    {
                        diagnostics.Error(
                            FieldPath.Key(volumePath, "efs"),
                            $"cannot specify more than one managed volume per service; volume \"{firstManaged}\" already uses the managed EFS file system, so give \"{name}\" an \"efs.id\" or remove its \"efs\"");
                    }
                }
            }

            CheckPath(volume.Path, FieldPath.Key(volumePath, "path"), diagnostics);
        }
    }

    /// <summary>Reports a missing path or one with characters copilot refuses.</summary>
    internal static void CheckPath(string? path, string fieldPath, DiagnosticCollector diagnostics)
    {
        if (string.IsNullOrEmpty(path))
        {
            diagnostics.Error(fieldPath, "\"path\" must be specified; expected the mount path inside the container, for example /etc/data");
        }
        else if (!ContainerPath.HasValidCharacters(path))
        {
            diagnostics.Error(fieldPath, $"{ContainerPath.InvalidCharactersMessage}; got \"{path}\"");
        }
    }

    private static void CheckEfs(EfsConfig efs, string efsPath, DiagnosticCollector diagnostics)
    {
        if (efs.Enabled is not null)
        {
            return;
        }

        var usesUidGid = efs.Uid is not null || efs.Gid is not null;
        var usesFileSystem = efs.FileSystemId is not null || efs.FileSystemIdFromCfn is not null || efs.RootDirectory is not null || efs.Auth is not null;
        if (usesUidGid && usesFileSystem)
        {
            diagnostics.Error(efsPath, "must specify one, not both, of \"uid/gid\" and \"id/root_dir/auth\"; use uid/gid for the managed file system, or id/root_dir/auth for an existing one");
            return;
        }

        if (usesUidGid)
        {
            CheckPosixIds(efs, efsPath, diagnostics);
        }
        else if (usesFileSystem)
        {
            CheckExistingFileSystem(efs, efsPath, diagnostics);
        }
    }

    private static void CheckPosixIds(EfsConfig efs, string efsPath, DiagnosticCollector diagnostics)
    {
        if (efs.Uid is not null && efs.Gid is null)
        {
            diagnostics.Error(FieldPath.Key(efsPath, "uid"), "\"gid\" must be specified if \"uid\" is specified");
        }

        if (efs.Gid is not null && efs.Uid is null)
        {
            diagnostics.Error(FieldPath.Key(efsPath, "gid"), "\"uid\" must be specified if \"gid\" is specified");
        }

        if (efs.Uid == 0)
        {
            diagnostics.Error(FieldPath.Key(efsPath, "uid"), "\"uid\" must not be 0; the root user cannot own the managed access point, choose another POSIX user ID");
        }

        foreach (var (key, value) in new[] { ("uid", efs.Uid), ("gid", efs.Gid) })
        {
            if (value is < 0 or > MaximumPosixId)
            {
                diagnostics.Error(FieldPath.Key(efsPath, key), $"\"{key}\" must be a POSIX ID between 0 and {MaximumPosixId}; got {value}");
            }
        }
    }

    private static void CheckExistingFileSystem(EfsConfig efs, string efsPath, DiagnosticCollector diagnostics)
    {
        if (!string.IsNullOrEmpty(efs.Auth?.AccessPointId)
            && ((efs.RootDirectory is not (null or "" or "/")) || efs.Auth.Iam == false))
        {
            diagnostics.Error(
                FieldPath.Key(efsPath, efs.RootDirectory is not (null or "" or "/") ? "root_dir" : "auth.iam"),
                "\"root_dir\" must be either empty or \"/\" and \"auth.iam\" must be true when \"access_point_id\" is used");
        }

        if (!string.IsNullOrEmpty(efs.RootDirectory) && !ContainerPath.HasValidCharacters(efs.RootDirectory))
        {
            diagnostics.Error(FieldPath.Key(efsPath, "root_dir"), $"{ContainerPath.InvalidCharactersMessage}; got \"{efs.RootDirectory}\"");
        }

        // Beyond copilot: without an id the task definition gets an empty FilesystemId, which ECS rejects at deploy time.
        if (string.IsNullOrEmpty(efs.FileSystemId) && string.IsNullOrEmpty(efs.FileSystemIdFromCfn))
        {
            diagnostics.Error(FieldPath.Key(efsPath, "id"), "\"id\" must be specified when \"root_dir\" or \"auth\" is used; expected the ID of an existing EFS file system (or use \"efs: true\" for the managed one)");
        }
    }
}
