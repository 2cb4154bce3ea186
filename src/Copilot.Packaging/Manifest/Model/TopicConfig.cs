namespace Copilot.Packaging.Manifest.Model;

/// <summary>One entry of <c>publish.topics</c>.</summary>
internal sealed record TopicConfig
{
    /// <summary><c>name</c>, as written (without any <c>.fifo</c> suffix).</summary>
    public string? Name { get; init; }

    /// <summary>True when <c>fifo</c> is <c>true</c> or a map.</summary>
    public bool Fifo { get; init; }

    /// <summary><c>fifo.content_based_deduplication</c>; null when absent.</summary>
    public bool? ContentBasedDeduplication { get; init; }
}
