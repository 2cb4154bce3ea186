namespace Copilot.Packaging.Manifest.Model;

/// <summary>The <c>network.vpc</c> block.</summary>
internal sealed record NetworkConfig
{
    /// <summary>
    /// The string form of <c>placement</c> (<c>public</c>/<c>private</c>) as written; <c>public</c> (copilot's default) when
    /// <c>network</c> is written without a placement (see <see cref="PlacementSpecified"/>); null when the map form was given.
    /// A manifest without <c>network</c> has no <see cref="NetworkConfig"/> at all, which also means <c>public</c>.
    /// </summary>
    public string? Placement { get; init; }

    /// <summary>Subnet IDs of <c>placement.subnets</c>.</summary>
    public IReadOnlyList<string>? SubnetIds { get; init; }

    /// <summary>Tag filters of <c>placement.subnets.from_tags</c>: tag key to accepted values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? SubnetsFromTags { get; init; }

    /// <summary>Extra security groups (<c>security_groups</c> list or <c>security_groups.groups</c>).</summary>
    public IReadOnlyList<SecurityGroupRef> SecurityGroups { get; init; } = [];

    /// <summary><c>security_groups.deny_default</c> (accepted, no effect for jobs).</summary>
    public bool? DenyDefaultSecurityGroup { get; init; }

    /// <summary>True when <c>placement</c> was present in any form (even empty).</summary>
    public bool PlacementSpecified { get; init; }
}

/// <summary>A security group: a plain ID or an import (<c>from_cfn</c>).</summary>
/// <param name="Id">The security group ID.</param>
/// <param name="FromCfn">The export name.</param>
internal sealed record SecurityGroupRef(string? Id, string? FromCfn = null);
