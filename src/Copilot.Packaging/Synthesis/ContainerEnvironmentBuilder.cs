using Copilot.Packaging.Addons;
using Copilot.Packaging.Conversions;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>Builds container <c>Environment</c>, <c>Secrets</c> and <c>EnvironmentFiles</c> entries.</summary>
internal static class ContainerEnvironmentBuilder
{
    /// <summary>
    /// The environment list of a container: the common block (the four <c>COPILOT_*</c> names, one entry per addons
    /// variable output, <c>COPILOT_SNS_TOPIC_ARNS</c> when the job publishes), <paramref name="variables"/> sorted by
    /// name, then <c>COPILOT_MOUNT_POINTS</c> when <paramref name="mountPoints"/> has entries with a path.
    /// </summary>
    public static YamlSequenceNode Environment(
        SynthesisContext context,
        IReadOnlyDictionary<string, VariableValue> variables,
        IEnumerable<KeyValuePair<string, string>> mountPoints)
    {
        var entries = new List<YamlNode>
        {
            Entry("COPILOT_APPLICATION_NAME", Cfn.Sub("${AppName}")),
            Entry("COPILOT_SERVICE_DISCOVERY_ENDPOINT", Cfn.Str(context.ServiceDiscoveryEndpoint)),
            Entry("COPILOT_ENVIRONMENT_NAME", Cfn.Sub("${EnvName}")),
            Entry("COPILOT_SERVICE_NAME", Cfn.Sub("${WorkloadName}")),
        };
        foreach (var output in context.Addons.Variables)
        {
            entries.Add(Entry(AddonsNaming.EnvVarName(output), AddonsStackOutputs.Reference(output)));
        }

        if (context.Topics.Count > 0)
        {
            entries.Add(Entry("COPILOT_SNS_TOPIC_ARNS", Cfn.Single(TopicArnsJson(context))));
        }

        foreach (var (name, value) in Utf8OrdinalComparer.Sorted(variables))
        {
            entries.Add(Entry(name, value.FromCfn is { } export ? Cfn.ImportValue(Cfn.Str(export)) : Cfn.Str(value.Value ?? string.Empty)));
        }

        var mounts = mountPoints.Where(m => m.Value.Length > 0).ToList();
        if (mounts.Count > 0)
        {
            entries.Add(Entry("COPILOT_MOUNT_POINTS", Cfn.Single(GoJson.CompactObject(mounts))));
        }

        return Cfn.ListOf(entries);
    }

    /// <summary>The secrets list, sorted by name, or null when there are none.</summary>
    public static YamlSequenceNode? Secrets(IReadOnlyDictionary<string, SecretValue> secrets) => Secrets(secrets, []);

    /// <summary>
    /// The main container's secrets: <paramref name="secrets"/> sorted by name, then one entry per addons secret
    /// output in template order (<c>{Name: SNAKE(out), ValueFrom: {Fn::GetAtt: [AddonsStack, Outputs.out]}}</c>);
    /// null when both are empty.
    /// </summary>
    public static YamlSequenceNode? Secrets(IReadOnlyDictionary<string, SecretValue> secrets, IReadOnlyList<string> addonsSecretOutputs)
    {
        if (secrets.Count == 0 && addonsSecretOutputs.Count == 0)
        {
            return null;
        }

        var entries = new List<YamlNode>(secrets.Count + addonsSecretOutputs.Count);
        foreach (var name in Utf8OrdinalComparer.SortedKeys(secrets))
        {
            entries.Add(Secret(name, SecretSource(secrets[name])));
        }

        foreach (var output in addonsSecretOutputs)
        {
            entries.Add(Secret(AddonsNaming.EnvVarName(output), AddonsStackOutputs.Reference(output)));
        }

        return Cfn.ListOf(entries);
    }

    /// <summary>A secret's <c>ValueFrom</c>: the SSM name or ARN, an import, or a Secrets Manager ARN.</summary>
    public static YamlNode SecretSource(SecretValue secret)
    {
        if (secret.FromCfn is { } export)
        {
            return Cfn.ImportValue(Cfn.Str(export));
        }

        if (secret.SecretsManager is { } name)
        {
            return Cfn.Sub($"arn:${{AWS::Partition}}:secretsmanager:${{AWS::Region}}:${{AWS::AccountId}}:secret:{name}");
        }

        return Cfn.Str(secret.Value ?? string.Empty);
    }

    /// <summary><c>[!If [condition, {Type: s3, Value: !Ref parameter}, !Ref AWS::NoValue]]</c>.</summary>
    public static YamlSequenceNode EnvironmentFiles(string condition, string parameter) =>
        Cfn.List(Cfn.If(
            condition,
            Cfn.Map(("Type", Cfn.Str("s3")), ("Value", Cfn.Ref(parameter))),
            Cfn.NoValue()));

    /// <summary>The value of <c>COPILOT_SNS_TOPIC_ARNS</c>: topic name to topic ARN, as compact JSON.</summary>
    public static string TopicArnsJson(SynthesisContext context)
    {
        var region = context.Input.Environment.Region;
        var partition = AwsPartitions.ForRegion(region);
        var account = context.Input.Environment.AccountId;
        return GoJson.CompactObject(context.Topics.Select(t => KeyValuePair.Create(
            t.Name,
            $"arn:{partition}:sns:{region}:{account}:{context.AppName}-{context.EnvName}-{context.JobName}-{t.Name}")));
    }

    private static YamlMappingNode Entry(string name, YamlNode value) => Cfn.Map(("Name", Cfn.Str(name)), ("Value", value));

    private static YamlMappingNode Secret(string name, YamlNode valueFrom) => Cfn.Map(("Name", Cfn.Str(name)), ("ValueFrom", valueFrom));
}
