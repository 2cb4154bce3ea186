using System.Globalization;
using System.IO.Abstractions;
using Copilot.Packaging.Addons;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Upload;

/// <summary>
/// Packages an addons template the way <c>aws cloudformation package</c> does: every local file or directory an
/// uploadable property names (see <see cref="AddonsAssetScanner"/>) is uploaded under a content-hash key and the
/// property is replaced by its S3 location. The caller's template is left untouched.
/// </summary>
internal sealed class AddonsPackager(IFileSystem fileSystem, ArtifactUploads uploads)
{
    /// <summary>The packaged template text.</summary>
    /// <exception cref="CopilotJobException">A local path does not exist, or an upload failed.</exception>
    public async Task<string> PackageAsync(AddonsTemplate addons, string job, WorkspaceConfinement confinement, CancellationToken cancellationToken)
    {
        var template = YamlNodeCloner.CloneKeepingAliases(addons.Template);
        foreach (var asset in AddonsAssetScanner.FindLocalAssets(addons))
        {
            var where = asset.ResourceLogicalId is null ? asset.PropertyPath : $"{asset.ResourceLogicalId}.Properties.{asset.PropertyPath}";
            var path = confinement.Resolve(asset.LocalPath, $"the addons asset at {where}", asset.Location);
            var isDirectory = fileSystem.Directory.Exists(path);
            if (!isDirectory && !InputFiles.Exists(fileSystem, path))
            {
                throw new CopilotJobException(
                    $"{where}: the local path \"{asset.LocalPath}\" does not exist; expected a file or directory relative to the workspace root {confinement.WorkspaceRoot}",
                    asset.Location,
                    "Fix the path in the addons template, or use an s3:// or https:// location.");
            }

            var archive = isDirectory || asset.ZipSingleFiles ? AssetArchive.Zip(fileSystem, path, asset.LocalPath) : AssetArchive.PlainFile(fileSystem, path, asset.LocalPath);
            var key = ArtifactPaths.AddonsAsset(job, archive.HashHex);
            await uploads.EnsureAsync(key, () => archive.Content, $"addons asset {asset.LocalPath}", cancellationToken).ConfigureAwait(false);
            Replace(template, asset, Replacement(asset.Replacement, uploads.Bucket, key), where);
        }

        return YamlTextWriter.Write(template);
    }

    private static YamlNode Replacement(AddonsAssetReplacement kind, string bucket, string key) => kind switch
    {
        AddonsAssetReplacement.S3Uri => Cfn.Str($"s3://{bucket}/{key}"),
        AddonsAssetReplacement.BucketKeyMap => Cfn.Map(("Bucket", Cfn.Str(bucket)), ("Key", Cfn.Str(key))),
        AddonsAssetReplacement.S3BucketS3KeyMap => Cfn.Map(("S3Bucket", Cfn.Str(bucket)), ("S3Key", Cfn.Str(key))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown replacement"),
    };

    private static void Replace(YamlMappingNode template, AddonsAsset asset, YamlNode replacement, string where)
    {
        var segments = asset.ResourceLogicalId is null
            ? asset.PropertyPath.Split('.')
            : ["Resources", asset.ResourceLogicalId, "Properties", .. asset.PropertyPath.Split('.')];
        YamlNode parent = template;
        foreach (var segment in segments[..^1])
        {
            parent = Child(parent, segment) ?? throw Missing(where);
        }

        switch (parent)
        {
            case YamlMappingNode map when KeyNode(map, segments[^1]) is { } keyNode:
                map.Children[keyNode] = replacement;
                break;
            case YamlSequenceNode list when int.TryParse(segments[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Children.Count:
                list.Children[index] = replacement;
                break;
            default:
                throw Missing(where);
        }
    }

    private static YamlNode? Child(YamlNode node, string segment) => node switch
    {
        YamlMappingNode map => KeyNode(map, segment) is { } key ? map.Children[key] : null,
        YamlSequenceNode list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Children.Count => list.Children[i],
        _ => null,
    };

    private static YamlNode? KeyNode(YamlMappingNode map, string key) =>
        map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key);

    private static InvalidOperationException Missing(string where) =>
        new($"the addons asset at {where} was found by the scanner but not in the copied template");
}
