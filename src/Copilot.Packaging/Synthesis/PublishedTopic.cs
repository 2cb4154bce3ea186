using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Synthesis;

/// <summary>An SNS topic the job publishes to, with its rendered name and logical ID prefix.</summary>
/// <param name="Name">The topic name, with <c>.fifo</c> appended for FIFO topics.</param>
/// <param name="LogicalIdPrefix">The name stripped to <c>[a-zA-Z0-9]</c>; resources are <c>&lt;prefix&gt;SNSTopic</c> and <c>&lt;prefix&gt;SNSTopicPolicy</c>.</param>
/// <param name="Fifo">True for a FIFO topic.</param>
/// <param name="ContentBasedDeduplication">The FIFO deduplication setting, when given.</param>
internal sealed record PublishedTopic(string Name, string LogicalIdPrefix, bool Fifo, bool? ContentBasedDeduplication)
{
    /// <summary>The topic's logical ID.</summary>
    public string TopicId => LogicalIdPrefix + "SNSTopic";

    /// <summary>The topic policy's logical ID.</summary>
    public string PolicyId => LogicalIdPrefix + "SNSTopicPolicy";

    /// <summary>Maps one <c>publish.topics</c> entry.</summary>
    public static PublishedTopic From(TopicConfig topic)
    {
        var name = (topic.Name ?? string.Empty) + (topic.Fifo ? ".fifo" : string.Empty);
        return new PublishedTopic(name, LogicalIds.Safe(name), topic.Fifo, topic.Fifo ? topic.ContentBasedDeduplication : null);
    }
}
