using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>Builds an SNS topic per <c>publish.topics</c> entry, and a policy that lets SQS queues of the account subscribe.</summary>
internal static class PublishTopicsBuilder
{
    public static IEnumerable<(string LogicalId, YamlMappingNode Resource)> Build(SynthesisContext context)
    {
        foreach (var topic in context.Topics)
        {
            var properties = Cfn.Map(("TopicName", Cfn.Sub($"${{AWS::StackName}}-{topic.Name}")));
            if (topic.Fifo)
            {
                properties.Add("FifoTopic", Cfn.Bool(true));
                if (topic.ContentBasedDeduplication is { } deduplication)
                {
                    properties.Add("ContentBasedDeduplication", Cfn.Bool(deduplication));
                }
            }

            properties.Add("KmsMasterKeyId", Cfn.Single("alias/aws/sns"));
            var kind = topic.Fifo ? "A SNS FIFO topic" : "A SNS topic";
            yield return (topic.TopicId, TemplateParts.Resource(
                "AWS::SNS::Topic",
                properties,
                TemplateParts.Description($"{kind} to broadcast {topic.Name} events")));

            yield return (topic.PolicyId, TemplateParts.Resource(
                "AWS::SNS::TopicPolicy",
                Cfn.Map(
                    ("Topics", Cfn.List(Cfn.Ref(topic.TopicId))),
                    ("PolicyDocument", Cfn.Map(
                        ("Version", TemplateParts.PolicyVersion()),
                        ("Statement", Cfn.List(Cfn.Map(
                            ("Effect", Cfn.Str("Allow")),
                            ("Principal", Cfn.Map(("AWS", Cfn.Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")))),
                            ("Action", Cfn.List(Cfn.Str("sns:Subscribe"))),
                            ("Resource", Cfn.Ref(topic.TopicId)),
                            ("Condition", Cfn.Map(("StringEquals", Cfn.Map(("sns:Protocol", Cfn.Double("sqs")))))))))))),
                dependsOn: topic.TopicId));
        }
    }
}
