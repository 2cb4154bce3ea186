using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Nodes;

namespace Copilot.Packaging.Manifest.Binding;

/// <summary>Binds <c>publish.topics</c>.</summary>
internal static class PublishBinder
{
    public static IReadOnlyList<TopicConfig> Bind(MapReader? publish)
    {
        if (publish is null)
        {
            return [];
        }

        var context = publish.Context;
        var topics = new List<TopicConfig>();
        foreach (var (item, path) in ValueReader.Items(context, publish["topics"], publish.PathOf("topics"), "a list of topics"))
        {
            if (MapReader.Open(context, item, path, ManifestSchema.Topic) is not { } topic)
            {
                continue;
            }

            var (fifo, deduplication) = Fifo(context, topic["fifo"], topic.PathOf("fifo"));
            topics.Add(new TopicConfig { Name = topic.String("name"), Fifo = fifo, ContentBasedDeduplication = deduplication });
        }

        return topics;
    }

    private static (bool Fifo, bool? ContentBasedDeduplication) Fifo(BindContext context, ManifestNode? node, string path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return (false, null);
            case ScalarNode { Kind: ScalarKind.Bool or ScalarKind.String }:
                return (ValueReader.Bool(context, node, path) ?? false, null);
            case MappingNode map when map.HasValue("content_based_deduplication"):
                var fifo = MapReader.Wrap(context, map, path, ManifestSchema.Fifo);
                return (true, fifo.Bool("content_based_deduplication"));
            default:
                context.WrongShape(node, path, "unable to unmarshal \"fifo\" field into boolean or compose-style map", "true, false, or a map with content_based_deduplication");
                return (false, null);
        }
    }
}
