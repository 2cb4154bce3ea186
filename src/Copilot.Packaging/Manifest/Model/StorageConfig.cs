namespace Copilot.Packaging.Manifest.Model;

/// <summary>The <c>storage</c> block.</summary>
internal sealed record StorageConfig
{
    /// <summary>Ephemeral storage in GiB (<c>storage.ephemeral</c>).</summary>
    public int? Ephemeral { get; init; }

    /// <summary>Read-only root file system (<c>storage.readonly_fs</c>).</summary>
    public bool? ReadonlyRootFs { get; init; }

    /// <summary>Volumes (<c>storage.volumes</c>) by name.</summary>
    public IReadOnlyDictionary<string, VolumeConfig> Volumes { get; init; } = new Dictionary<string, VolumeConfig>();
}

/// <summary>One volume under <c>storage.volumes</c>.</summary>
internal sealed record VolumeConfig
{
    /// <summary>The mount path in the main container (<c>path</c>).</summary>
    public string? Path { get; init; }

    /// <summary><c>read_only</c>; null when absent (which means read-only).</summary>
    public bool? ReadOnly { get; init; }

    /// <summary>The EFS configuration (<c>efs</c>); null when absent.</summary>
    public EfsConfig? Efs { get; init; }
}

/// <summary>
/// The <c>efs</c> field: the bool form (<see cref="Enabled"/>), the managed map form (<see cref="Uid"/>/<see cref="Gid"/>),
/// or the bring-your-own map form (<see cref="FileSystemId"/>, <see cref="RootDirectory"/>, <see cref="Auth"/>).
/// </summary>
internal sealed record EfsConfig
{
    /// <summary>The bool form's value; null when the map form was used.</summary>
    public bool? Enabled { get; init; }

    /// <summary>The file system ID (<c>id</c>) as a plain string.</summary>
    public string? FileSystemId { get; init; }

    /// <summary>The file system ID as an import (<c>id.from_cfn</c>).</summary>
    public string? FileSystemIdFromCfn { get; init; }

    /// <summary><c>root_dir</c>.</summary>
    public string? RootDirectory { get; init; }

    /// <summary><c>auth</c>; null when absent.</summary>
    public EfsAuthConfig? Auth { get; init; }

    /// <summary>POSIX user ID for the managed access point (<c>uid</c>).</summary>
    public long? Uid { get; init; }

    /// <summary>POSIX group ID for the managed access point (<c>gid</c>).</summary>
    public long? Gid { get; init; }

    /// <summary>True when this is a copilot-managed file system (<c>efs: true</c> or <c>efs: {uid, gid}</c>).</summary>
    public bool IsManaged => Enabled == true || (Enabled is null && FileSystemId is null && FileSystemIdFromCfn is null && (Uid is not null || Gid is not null));

    /// <summary>True when this names an existing file system (<c>efs: {id: ...}</c>).</summary>
    public bool IsBringYourOwn => FileSystemId is not null || FileSystemIdFromCfn is not null;
}

/// <summary>The <c>efs.auth</c> block.</summary>
internal sealed record EfsAuthConfig
{
    /// <summary><c>iam</c>.</summary>
    public bool? Iam { get; init; }

    /// <summary><c>access_point_id</c>.</summary>
    public string? AccessPointId { get; init; }
}
