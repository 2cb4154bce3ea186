using Copilot.Packaging.Errors;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Records.Export;

/// <summary>
/// Builds the text of <c>copilot/.records.yml</c> (the shape <see cref="Workspace.WorkspaceRecordStore"/> reads) as a
/// node tree: the application's fields and one environment with its region's resources are set, and whatever else an
/// existing file holds (other environments, other regions, their order) is kept as it was.
/// </summary>
internal static class RecordsDocumentWriter
{
    /// <summary>Says how the file was made; YAML comments do not survive parsing, so it is written again each time.</summary>
    internal const string Header = """
        # What copilot keeps in SSM Parameter Store and its CloudFormation stacks, kept here so that
        # `dotnet copilot-job package` needs no AWS account. Written by `dotnet copilot-job records export`;
        # run `dotnet copilot-job records export -e <env>` again to refresh an environment (others are kept).


        """;

    /// <summary>The new file text.</summary>
    /// <param name="existing">The current file's root map, or null when there is no file.</param>
    /// <param name="application">The application record.</param>
    /// <param name="environment">The environment record.</param>
    /// <param name="regional">The application's resources in the environment's region.</param>
    internal static string Write(YamlMappingNode? existing, ApplicationRecord application, EnvironmentRecord environment, RegionalResources regional)
    {
        var root = existing ?? new YamlMappingNode();
        var appNode = Child(root, "application") as YamlMappingNode ?? new YamlMappingNode();
        var regions = Child(appNode, "regions") as YamlMappingNode ?? new YamlMappingNode();
        Set(regions, regional.Region, RegionNode(regional));

        var newApp = Cfn.Map(
            ("name", Cfn.Str(application.Name)),
            ("account", Cfn.Str(application.Account)),
            ("permissionsBoundary", application.PermissionsBoundary.Length > 0 ? Cfn.Str(application.PermissionsBoundary) : null),
            ("tags", application.Tags.Count > 0 ? StringMap(application.Tags) : null),
            ("regions", regions));
        KeepOthers(appNode, newApp, "name", "account", "permissionsBoundary", "tags", "regions");

        var environments = Child(root, "environments") as YamlMappingNode ?? new YamlMappingNode();
        Set(environments, environment.Name, EnvironmentNode(environment));

        // application first, environments second, anything else a user added after them.
        var result = Cfn.Map(("application", newApp), ("environments", environments));
        KeepOthers(root, result, "application", "environments");
        return Header + YamlTextWriter.Write(result);
    }

    /// <summary>The root map of existing records file text (already validated by the records parser).</summary>
    internal static YamlMappingNode Load(string text, string displayPath)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map
            ? map
            : throw new CopilotJobException("the records file must be a YAML map with keys application and environments", new SourceLocation(displayPath, 1, 1));
    }

    /// <summary>The <c>application.name</c> of a validated records file.</summary>
    internal static string? ApplicationName(YamlMappingNode root) =>
        Child(root, "application") is YamlMappingNode app && Child(app, "name") is YamlScalarNode name ? name.Value : null;

    private static YamlMappingNode RegionNode(RegionalResources regional) => Cfn.Map(
        ("bucket", Cfn.Str(regional.Bucket)),
        ("kmsKeyARN", Cfn.Str(regional.KmsKeyArn)),
        ("repositories", regional.Repositories.Count > 0 ? StringMap(regional.Repositories) : null));

    private static YamlMappingNode EnvironmentNode(EnvironmentRecord environment) => Cfn.Map(
        ("region", Cfn.Str(environment.Region)),
        ("accountID", Cfn.Str(environment.AccountId)),
        ("managerRoleARN", environment.ManagerRoleArn.Length > 0 ? Cfn.Str(environment.ManagerRoleArn) : null),
        ("executionRoleARN", environment.ExecutionRoleArn.Length > 0 ? Cfn.Str(environment.ExecutionRoleArn) : null),
        ("version", Cfn.Str(environment.Version)),
        ("serviceDiscoveryEndpoint", environment.ServiceDiscoveryEndpoint is { Length: > 0 } endpoint ? Cfn.Str(endpoint) : null),
        ("features", Cfn.FlowList([.. environment.Features.Select(Cfn.Str)])));

    private static YamlMappingNode StringMap(IReadOnlyDictionary<string, string> values)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in values)
        {
            map.Add(Cfn.Key(key), Cfn.Str(value));
        }

        return map;
    }

    // Keys the records parser does not read (a user's additions) are carried over after the known ones.
    private static void KeepOthers(YamlMappingNode from, YamlMappingNode to, params string[] known)
    {
        foreach (var (key, value) in from.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || !known.Contains(name, StringComparer.Ordinal))
            {
                to.Add(key, value);
            }
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    // Replaces the value in place (so the entry keeps its position) or appends a new entry.
    private static void Set(YamlMappingNode map, string key, YamlNode value) => map.Children[Cfn.Key(key)] = value;
}
