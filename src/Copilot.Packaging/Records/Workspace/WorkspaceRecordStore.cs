using System.Globalization;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Records.Workspace;

/// <summary>
/// Records kept in the workspace (<c>copilot/.records.yml</c>): what copilot keeps in SSM Parameter Store and in its
/// CloudFormation stacks, so packaging needs no AWS account. The file's shape is documented in the README.
/// </summary>
internal sealed class WorkspaceRecordStore : IRecordStore
{
    /// <summary>The records file name inside the <c>copilot/</c> directory.</summary>
    public const string FileName = ".records.yml";

    private readonly RecordsDocument _document;

    private WorkspaceRecordStore(RecordsDocument document) => _document = document;

    /// <inheritdoc />
    public string Source => _document.DisplayPath;

    /// <summary>The name of the one application the file describes.</summary>
    internal string ApplicationName => _document.ApplicationName;

    /// <summary>The names of the environments the file has, sorted.</summary>
    internal IReadOnlyList<string> EnvironmentNames => [.. _document.Environments.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Parses records file text.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="displayPath">The path shown in messages, for example <c>copilot/.records.yml</c>.</param>
    /// <exception cref="CopilotJobException">The file is not valid.</exception>
    public static WorkspaceRecordStore Parse(string text, string displayPath) => new(RecordsDocument.Parse(text, displayPath));

    /// <inheritdoc />
    public Task<bool> HasEnvironmentAsync(string app, string env, CancellationToken cancellationToken) =>
        Task.FromResult(_document.ApplicationName == app && _document.Environments.ContainsKey(env));

    /// <inheritdoc />
    public Task<ApplicationRecord> GetApplicationAsync(string app, CancellationToken cancellationToken)
    {
        EnsureApplication(app);
        return Task.FromResult(_document.Application);
    }

    /// <inheritdoc />
    public Task<EnvironmentRecord> GetEnvironmentAsync(string app, string env, CancellationToken cancellationToken)
    {
        EnsureApplication(app);
        if (!_document.Environments.TryGetValue(env, out var record))
        {
            var known = _document.Environments.Count == 0 ? "none" : string.Join(", ", _document.Environments.Keys.Order(StringComparer.Ordinal));
            throw new CopilotJobException(
                $"couldn't find environment {env} in the application {app}: {Source} has no environments.{env} (it has: {known})",
                recommendation: $"Add environment {env} to {Source}, or export it from AWS with `dotnet copilot-job records export -e {env}`.",
                code: CopilotJobErrorCode.RecordNotFound);
        }

        return Task.FromResult(record);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListEnvironmentsAsync(string app, CancellationToken cancellationToken)
    {
        EnsureApplication(app);
        IReadOnlyList<string> names = [.. _document.Environments.Keys.Order(StringComparer.Ordinal)];
        return Task.FromResult(names);
    }

    /// <inheritdoc />
    public Task<RegionalResources> GetRegionalResourcesAsync(ApplicationRecord app, string region, CancellationToken cancellationToken)
    {
        EnsureApplication(app.Name);
        if (!_document.Regions.TryGetValue(region, out var resources))
        {
            throw new CopilotJobException(
                $"no regional resources for application {app.Name} in region {region} found: {Source} has no application.regions.{region}",
                recommendation: $"Add application.regions.{region} (bucket, kmsKeyARN, repositories) to {Source}.");
        }

        return Task.FromResult(resources);
    }

    private void EnsureApplication(string app)
    {
        if (_document.ApplicationName != app)
        {
            throw new CopilotJobException(
                $"couldn't find an application named {app}: {Source} describes application {_document.ApplicationName}",
                recommendation: $"Use -a {_document.ApplicationName}, or fix application.name in {Source}.",
                code: CopilotJobErrorCode.RecordNotFound);
        }
    }

    private sealed record RecordsDocument(
        string DisplayPath,
        string ApplicationName,
        ApplicationRecord Application,
        IReadOnlyDictionary<string, RegionalResources> Regions,
        IReadOnlyDictionary<string, EnvironmentRecord> Environments)
    {
        public static RecordsDocument Parse(string text, string path)
        {
            // Bounded like every other input file: size, nesting depth and alias expansion are capped.
            var root = BoundedYamlLoader.LoadFirstDocument(text, path) as YamlMappingNode
                ?? throw new CopilotJobException("the records file must be a YAML map with keys application and environments", new SourceLocation(path, 1, 1));

            var reader = new NodeReader(path);
            var appNode = reader.RequiredMap(root, "application", "application");
            var appName = reader.RequiredString(appNode, "name", "application.name");
            CopilotNames.Ensure("application", appName, path, At(path, appNode.Children[new YamlScalarNode("name")].Start));
            var application = new ApplicationRecord
            {
                Name = appName,
                Account = reader.RequiredString(appNode, "account", "application.account"),
                PermissionsBoundary = reader.OptionalString(appNode, "permissionsBoundary", "application.permissionsBoundary") ?? string.Empty,
                Tags = reader.StringMap(appNode, "tags", "application.tags"),
            };

            var regions = new Dictionary<string, RegionalResources>(StringComparer.Ordinal);
            if (reader.OptionalMap(appNode, "regions", "application.regions") is { } regionsNode)
            {
                foreach (var (key, value) in regionsNode.Children)
                {
                    var region = ((YamlScalarNode)key).Value ?? string.Empty;
                    var field = $"application.regions.{region}";
                    var regionNode = value as YamlMappingNode ?? throw reader.Error(value, field, "must be a map with bucket, kmsKeyARN and repositories");
                    regions[region] = new RegionalResources
                    {
                        Region = region,
                        Bucket = reader.RequiredString(regionNode, "bucket", $"{field}.bucket"),
                        KmsKeyArn = reader.RequiredString(regionNode, "kmsKeyARN", $"{field}.kmsKeyARN"),
                        Repositories = reader.StringMap(regionNode, "repositories", $"{field}.repositories"),
                    };
                }
            }

            var environments = new Dictionary<string, EnvironmentRecord>(StringComparer.Ordinal);
            if (reader.OptionalMap(root, "environments", "environments") is { } envsNode)
            {
                foreach (var (key, value) in envsNode.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? string.Empty;
                    CopilotNames.Ensure("environment", name, path, At(path, key.Start));
                    var field = $"environments.{name}";
                    var envNode = value as YamlMappingNode ?? throw reader.Error(value, field, "must be a map with region, accountID and version");
                    environments[name] = new EnvironmentRecord
                    {
                        Name = name,
                        Region = reader.RequiredString(envNode, "region", $"{field}.region"),
                        AccountId = reader.RequiredString(envNode, "accountID", $"{field}.accountID"),
                        ManagerRoleArn = reader.OptionalString(envNode, "managerRoleARN", $"{field}.managerRoleARN") ?? string.Empty,
                        ExecutionRoleArn = reader.OptionalString(envNode, "executionRoleARN", $"{field}.executionRoleARN") ?? string.Empty,
                        Version = reader.RequiredString(envNode, "version", $"{field}.version"),
                        ServiceDiscoveryEndpoint = reader.OptionalString(envNode, "serviceDiscoveryEndpoint", $"{field}.serviceDiscoveryEndpoint"),
                        Features = reader.StringList(envNode, "features", $"{field}.features"),
                    };
                }
            }

            return new RecordsDocument(path, appName, application, regions, environments);
        }

        private static SourceLocation At(string path, Mark mark) => new(path, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

        private sealed class NodeReader(string path)
        {
            public CopilotJobException Error(YamlNode node, string field, string expected) =>
                new($"{field} {expected}", At(path, node.Start));

            public YamlMappingNode RequiredMap(YamlMappingNode parent, string key, string field) =>
                OptionalMap(parent, key, field) ?? throw new CopilotJobException($"{field} is required", At(path, parent.Start));

            public YamlMappingNode? OptionalMap(YamlMappingNode parent, string key, string field) =>
                Find(parent, key) switch
                {
                    null => null,
                    YamlMappingNode map => map,
                    YamlScalarNode { Value: null or "" } => null,
                    var other => throw Error(other, field, "must be a map"),
                };

            public string RequiredString(YamlMappingNode parent, string key, string field) =>
                OptionalString(parent, key, field) is { Length: > 0 } value
                    ? value
                    : throw new CopilotJobException($"{field} is required", At(path, (Find(parent, key) ?? parent).Start));

            public string? OptionalString(YamlMappingNode parent, string key, string field) =>
                Find(parent, key) switch
                {
                    null => null,
                    YamlScalarNode scalar => scalar.Value,
                    var other => throw Error(other, field, "must be a string"),
                };

            public IReadOnlyDictionary<string, string> StringMap(YamlMappingNode parent, string key, string field)
            {
                var result = new Dictionary<string, string>(StringComparer.Ordinal);
                if (OptionalMap(parent, key, field) is { } map)
                {
                    foreach (var (k, v) in map.Children)
                    {
                        var name = ((YamlScalarNode)k).Value ?? string.Empty;
                        result[name] = v is YamlScalarNode s ? s.Value ?? string.Empty : throw Error(v, $"{field}.{name}", "must be a string");
                    }
                }

                return result;
            }

            public IReadOnlyList<string> StringList(YamlMappingNode parent, string key, string field) =>
                Find(parent, key) switch
                {
                    null => [],
                    YamlSequenceNode seq => [.. seq.Children.Select((n, i) => n is YamlScalarNode s ? s.Value ?? string.Empty : throw Error(n, string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"), "must be a string"))],
                    var other => throw Error(other, field, "must be a list of strings"),
                };

            private static YamlNode? Find(YamlMappingNode parent, string key) =>
                parent.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
        }
    }
}
