using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Nodes;

namespace Copilot.Packaging.Manifest.Binding;

/// <summary>Binds container images: the main <c>image</c> block, <c>build</c>, health checks, and a sidecar's <c>image</c>.</summary>
internal static class ImageBinder
{
    public static ImageConfig Main(MapReader? image)
    {
        if (image is null)
        {
            return new ImageConfig();
        }

        var context = image.Context;
        if (image.Has("build") && image.Has("location"))
        {
            var message = context.Mode == BindMode.Override
                ? "invalid manifest: image.build is mutually exclusive with image.location and shouldn't be specified at the same time"
                : "must specify one of \"build\" and \"location\"";
            context.Error(image.Node, image.Path, $"{message}; found both, expected only one of them");
        }

        return new ImageConfig
        {
            Build = Build(context, image["build"], image.PathOf("build")),
            Location = image.String("location"),
            Credentials = image.String("credentials"),
            Labels = image.StringMap("labels"),
            DependsOn = image.StringMap("depends_on"),
            HealthCheck = HealthCheck(image.Map("healthcheck", ManifestSchema.HealthCheck)),
        };
    }

    /// <summary><c>build</c>: a Dockerfile path or a map {context, dockerfile, args, target, cache_from}.</summary>
    public static BuildConfig? Build(BindContext context, ManifestNode? node, string path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case ScalarNode:
                return new BuildConfig { DockerfilePath = ValueReader.String(context, node, path) };
            case MappingNode map when ManifestSchema.Build.Keys.Any(map.HasValue):
                var build = MapReader.Wrap(context, map, path, ManifestSchema.Build);
                return new BuildConfig
                {
                    Context = build.String("context"),
                    Dockerfile = build.String("dockerfile"),
                    Args = build.StringMap("args"),
                    Target = build.String("target"),
                    CacheFrom = build.StringList("cache_from") ?? [],
                };
            default:
                context.WrongShape(node, path, "unable to unmarshal build field into string or compose-style map", "a Dockerfile path or a map with context, dockerfile, args, target, cache_from");
                return null;
        }
    }

    public static HealthCheckConfig? HealthCheck(MapReader? check)
    {
        if (check is null)
        {
            return null;
        }

        var context = check.Context;
        return new HealthCheckConfig
        {
            Command = check.StringList("command"),
            Interval = ValueReader.Duration(context, check["interval"], check.PathOf("interval")),
            Retries = check.Int("retries"),
            Timeout = ValueReader.Duration(context, check["timeout"], check.PathOf("timeout")),
            StartPeriod = ValueReader.Duration(context, check["start_period"], check.PathOf("start_period")),
        };
    }

    /// <summary>A sidecar's <c>image</c>: an image URI, or a map {build, location}.</summary>
    public static (string? Location, BuildConfig? Build) Sidecar(BindContext context, ManifestNode? node, string path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return (null, null);
            case ScalarNode:
                return (ValueReader.String(context, node, path), null);
            case MappingNode map when map.HasValue("build") || map.HasValue("location"):
                var image = MapReader.Wrap(context, map, path, ManifestSchema.SidecarImage);
                return (image.String("location"), Build(context, image["build"], image.PathOf("build")));
            case MappingNode:
                context.WrongShape(node, path, "ambiguous value: neither the basic or advanced form for the field was set", "an image URI or a map with build or location");
                return (null, null);
            default:
                context.WrongShape(node, path, "unable to unmarshal sidecar \"image\" into a string or a map with build and location", "an image URI or a map with build or location");
                return (null, null);
        }
    }
}
