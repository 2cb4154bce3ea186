using System.Text.RegularExpressions;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// <c>publish.topics</c>: each topic needs a name of letters, digits, <c>_</c> and <c>-</c>. Beyond copilot, two topics
/// whose CloudFormation logical IDs would collide (names equal once reduced to letters and digits) are refused.
/// </summary>
internal sealed partial class PublishRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        var logicalIds = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < manifest.Topics.Count; i++)
        {
            var topic = manifest.Topics[i];
            var path = FieldPath.Key(FieldPath.Index("publish.topics", i), "name");
            if (string.IsNullOrEmpty(topic.Name))
            {
                diagnostics.Error(path, "\"name\" must be specified; expected a topic name such as \"orders\"");
                continue;
            }

            if (!TopicName().IsMatch(topic.Name))
            {
                diagnostics.Error(path, $"\"name\" can only contain letters, numbers, underscores, and hyphens; got \"{topic.Name}\"");
                continue;
            }

            var fullName = topic.Fifo ? topic.Name + ".fifo" : topic.Name;
            var logicalId = new string(fullName.Where(char.IsAsciiLetterOrDigit).ToArray());
            if (logicalIds.TryGetValue(logicalId, out var other))
            {
                diagnostics.Error(path, $"topic \"{fullName}\" and topic \"{other}\" would get the same CloudFormation logical ID ({logicalId}SNSTopic); rename one of them");
            }
            else
            {
                logicalIds[logicalId] = fullName;
            }
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicName();
}
