using Copilot.Packaging.Conversions;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Synthesis;

/// <summary>A storage volume with its name.</summary>
/// <param name="Name">The volume name (the key under <c>storage.volumes</c>).</param>
/// <param name="Config">The volume.</param>
internal sealed record NamedVolume(string Name, VolumeConfig Config);

/// <summary>The job's storage sorted out: volumes by kind, in the order the template lists them.</summary>
internal sealed class StorageLayout
{
    public StorageLayout(StorageConfig? storage)
    {
        Storage = storage;
        var volumes = new List<NamedVolume>();
        if (storage is not null)
        {
            foreach (var name in Utf8OrdinalComparer.SortedKeys(storage.Volumes))
            {
                volumes.Add(new NamedVolume(name, storage.Volumes[name]));
            }
        }

        Volumes = volumes;
        Managed = Volumes.FirstOrDefault(v => v.Config.Efs?.IsManaged == true);
        BringYourOwn = Volumes.Where(v => v.Config.Efs?.IsBringYourOwn == true).ToList();
    }

    /// <summary>The manifest's storage block, if any.</summary>
    public StorageConfig? Storage { get; }

    /// <summary>All volumes, sorted by name.</summary>
    public IReadOnlyList<NamedVolume> Volumes { get; }

    /// <summary>The copilot-managed EFS volume (validation allows at most one).</summary>
    public NamedVolume? Managed { get; }

    /// <summary>Volumes on an existing EFS file system, sorted by name.</summary>
    public IReadOnlyList<NamedVolume> BringYourOwn { get; }

    /// <summary>The ephemeral storage size to render; 20 GiB (the Fargate default) is left out.</summary>
    public int? EphemeralGiB => Storage?.Ephemeral is { } size && size != 20 ? size : null;

    /// <summary>The POSIX user and group of the managed access point: <c>efs.uid/gid</c>, else CRC-32 of the job name.</summary>
    public (long Uid, long Gid) ManagedPosixIds(string jobName)
    {
        var efs = Managed?.Config.Efs;
        if (efs?.Uid is { } uid && efs.Gid is { } gid)
        {
            return (uid, gid);
        }

        // CRC-32 with the IEEE polynomial, as copilot's Go hash/crc32.ChecksumIEEE.
        long crc = System.IO.Hashing.Crc32.HashToUInt32(System.Text.Encoding.UTF8.GetBytes(jobName));
        return (crc, crc);
    }
}
