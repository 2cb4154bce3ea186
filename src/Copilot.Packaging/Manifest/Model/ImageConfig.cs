namespace Copilot.Packaging.Manifest.Model;

/// <summary>The main container's <c>image</c> block.</summary>
internal sealed record ImageConfig
{
    /// <summary>How to build the image (<c>image.build</c>); null when the image is pulled.</summary>
    public BuildConfig? Build { get; init; }

    /// <summary>The image URI (<c>image.location</c>); null when built.</summary>
    public string? Location { get; init; }

    /// <summary>Secret ARN with registry credentials (<c>image.credentials</c>).</summary>
    public string? Credentials { get; init; }

    /// <summary>Docker labels (<c>image.labels</c>).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Container dependencies (<c>image.depends_on</c>): container name to condition, as written.</summary>
    public IReadOnlyDictionary<string, string> DependsOn { get; init; } = new Dictionary<string, string>();

    /// <summary>The health check (<c>image.healthcheck</c>); null when absent.</summary>
    public HealthCheckConfig? HealthCheck { get; init; }
}

/// <summary>A Docker build (<c>build</c>), from either its string form (a Dockerfile path) or its map form.</summary>
internal sealed record BuildConfig
{
    /// <summary>The Dockerfile path when the string form was used.</summary>
    public string? DockerfilePath { get; init; }

    /// <summary>The build context (<c>build.context</c>).</summary>
    public string? Context { get; init; }

    /// <summary>The Dockerfile (<c>build.dockerfile</c>).</summary>
    public string? Dockerfile { get; init; }

    /// <summary>Build arguments (<c>build.args</c>).</summary>
    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>();

    /// <summary>The build target (<c>build.target</c>).</summary>
    public string? Target { get; init; }

    /// <summary>Cache sources (<c>build.cache_from</c>).</summary>
    public IReadOnlyList<string> CacheFrom { get; init; } = [];
}

/// <summary>A container health check.</summary>
internal sealed record HealthCheckConfig
{
    /// <summary>The command (<c>command</c>); null when absent (the default curl check).</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>The interval as a Go duration string.</summary>
    public string? Interval { get; init; }

    /// <summary>The number of retries.</summary>
    public int? Retries { get; init; }

    /// <summary>The timeout as a Go duration string.</summary>
    public string? Timeout { get; init; }

    /// <summary>The start period as a Go duration string.</summary>
    public string? StartPeriod { get; init; }
}

/// <summary>An entrypoint or command, split into words.</summary>
/// <param name="Words">The words, in order.</param>
/// <param name="WasString">True when the manifest gave a string (split with shell rules) rather than a list.</param>
internal sealed record CommandLine(IReadOnlyList<string> Words, bool WasString);
