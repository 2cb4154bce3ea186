using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Nodes;

namespace Copilot.Packaging.Manifest.Binding;

/// <summary>Binds <c>network</c>: placement (string or subnets), security groups (list or map), and <c>connect</c> (no effect for jobs).</summary>
internal static class NetworkBinder
{
    /// <summary>The placement used when none is written.</summary>
    public const string DefaultPlacement = "public";

    public static NetworkConfig? Bind(MapReader? network)
    {
        if (network is null)
        {
            return null;
        }

        var context = network.Context;
        Connect(context, network["connect"], network.PathOf("connect"));
        var vpc = network.Map("vpc", ManifestSchema.Vpc);
        var config = new NetworkConfig { Placement = DefaultPlacement };
        if (vpc is null)
        {
            return config;
        }

        config = Placement(context, vpc["placement"], vpc.PathOf("placement"), config);
        return SecurityGroups(context, vpc["security_groups"], vpc.PathOf("security_groups"), config);
    }

    private static NetworkConfig Placement(BindContext context, ManifestNode? node, string path, NetworkConfig config)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return config;
            case ScalarNode:
                return config with { Placement = ValueReader.String(context, node, path), PlacementSpecified = true };
            case MappingNode map when map.HasValue("subnets"):
                var placement = MapReader.Wrap(context, map, path, ManifestSchema.Placement);
                return Subnets(context, placement["subnets"], placement.PathOf("subnets"), config with { Placement = null, PlacementSpecified = true });
            default:
                context.WrongShape(node, path, "unable to unmarshal placement field into string or compose-style map", "public, private, or a map with subnets");
                return config;
        }
    }

    private static NetworkConfig Subnets(BindContext context, ManifestNode? node, string path, NetworkConfig config)
    {
        switch (node)
        {
            case SequenceNode:
                return config with { SubnetIds = ValueReader.StringList(context, node, path) };
            case MappingNode map when map.HasValue("from_tags"):
                var subnets = MapReader.Wrap(context, map, path, ManifestSchema.Subnets);
                var tagsPath = subnets.PathOf("from_tags");
                var tags = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                foreach (var (key, value) in ValueReader.Entries(context, subnets["from_tags"], tagsPath, "a map of tag names to values"))
                {
                    var tagPath = BindContext.Join(tagsPath, key);
                    IReadOnlyList<string>? values = value is SequenceNode
                        ? ValueReader.StringList(context, value, tagPath)
                        : ValueReader.String(context, value, tagPath) is { } one ? [one] : null;
                    if (values is not null)
                    {
                        tags[key] = values;
                    }
                }

                return config with { SubnetsFromTags = tags };
            default:
                context.WrongShape(node!, path, "unable to unmarshal subnets field into string slice or compose-style map", "a list of subnet IDs or a map with from_tags");
                return config;
        }
    }

    private static NetworkConfig SecurityGroups(BindContext context, ManifestNode? node, string path, NetworkConfig config)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return config;
            case SequenceNode:
                return config with { SecurityGroups = Groups(context, node, path) };
            case MappingNode map when map.HasValue("groups") || map.HasValue("deny_default"):
                var groups = MapReader.Wrap(context, map, path, ManifestSchema.SecurityGroups);
                return config with
                {
                    SecurityGroups = Groups(context, groups["groups"], groups.PathOf("groups")),
                    DenyDefaultSecurityGroup = groups.Bool("deny_default"),
                };
            default:
                context.WrongShape(node, path, "unable to unmarshal \"security_groups\" field into slice of strings or compose-style map", "a list of security groups or a map with groups and deny_default");
                return config;
        }
    }

    private static List<SecurityGroupRef> Groups(BindContext context, ManifestNode? node, string path)
    {
        var result = new List<SecurityGroupRef>();
        foreach (var (item, itemPath) in ValueReader.Items(context, node, path, "a list of security groups"))
        {
            switch (item)
            {
                case ScalarNode { IsNull: false }:
                    result.Add(new SecurityGroupRef(ValueReader.String(context, item, itemPath)));
                    break;
                case MappingNode map when map.HasValue("from_cfn"):
                    var group = MapReader.Wrap(context, map, itemPath, ManifestSchema.SecurityGroupItem);
                    result.Add(new SecurityGroupRef(null, group.String("from_cfn")));
                    break;
                default:
                    context.WrongShape(item, itemPath, "unable to unmarshal security group into a string or a map with from_cfn", "a security group ID or a map with from_cfn");
                    break;
            }
        }

        return result;
    }

    private static void Connect(BindContext context, ManifestNode? node, string path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return;
            case ScalarNode { Kind: ScalarKind.Bool or ScalarKind.String }:
                ValueReader.Bool(context, node, path);
                return;
            case MappingNode map when map.HasValue("alias"):
                MapReader.Wrap(context, map, path, ManifestSchema.Connect).String("alias");
                return;
            default:
                context.WrongShape(node, path, "unable to unmarshal \"connect\" field into boolean or compose-style map", "true, false, or a map with alias");
                return;
        }
    }
}
