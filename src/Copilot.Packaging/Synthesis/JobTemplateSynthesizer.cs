using Copilot.Packaging.Synthesis.Schedule;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>
/// Renders a Scheduled Job's CloudFormation template and template configuration from a validated manifest and the
/// application/environment records, the way copilot did: same logical IDs, parameters, conditions and values, so
/// stacks copilot deployed update in place.
/// </summary>
internal sealed class JobTemplateSynthesizer
{
    /// <summary>Renders the stack.</summary>
    /// <param name="input">The manifest, records and asset locations.</param>
    /// <returns>The stack name, template tree and template configuration.</returns>
    /// <exception cref="Errors.CopilotJobException">
    /// A value that only rendering checks is wrong (schedule, timeout, retries, health check durations, ports,
    /// task definition overrides, the region's partition).
    /// </exception>
    public JobStack Synthesize(JobStackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var schedule = input.ScheduleExpression ?? ScheduleConverter.ToAwsExpression(input.Manifest.Schedule ?? string.Empty, input.Manifest.Name);
        var context = new SynthesisContext(input, schedule);
        var template = BuildTemplate(context);
        TaskDefOverrideApplier.Apply(template, input.Manifest.TaskDefOverrides, input.Manifest.Source);
        return new JobStack(StackName(context), template, TemplateConfigurationBuilder.Build(context));
    }

    private static YamlMappingNode BuildTemplate(SynthesisContext context)
    {
        var metadata = Cfn.Map(
            ("Version", Cfn.Str(context.Input.Version)),
            ("Manifest", string.IsNullOrEmpty(context.Input.ManifestText) ? null : Cfn.Literal(context.Input.ManifestText)));
        return Cfn.Map(
            ("AWSTemplateFormatVersion", Cfn.Plain("2010-09-09")),
            ("Description", Cfn.Str("CloudFormation template that represents a scheduled job on Amazon ECS.")),
            ("Metadata", metadata),
            ("Parameters", TemplateParametersBuilder.Parameters(context)),
            ("Conditions", TemplateParametersBuilder.Conditions(context)),
            ("Resources", Resources(context)));
    }

    private static YamlMappingNode Resources(SynthesisContext context)
    {
        var resources = Cfn.Map(
            ("LogGroup", LogGroupBuilder.Build()),
            ("EnvControllerAction", EnvControllerResourcesBuilder.Action(context)),
            ("EnvControllerFunction", EnvControllerResourcesBuilder.Function(context)),
            ("EnvControllerRole", EnvControllerResourcesBuilder.Role(context)),
            ("TaskDefinition", TaskDefinitionBuilder.Build(context)),
            ("ExecutionRole", ExecutionRoleBuilder.Build(context)),
            ("TaskRole", TaskRoleBuilder.Build(context)),
            ("Rule", EventRuleBuilder.Rule(context)),
            ("RuleRole", EventRuleBuilder.Role(context)),
            ("StateMachine", StateMachineBuilder.StateMachine(context)),
            ("StateMachineRole", StateMachineBuilder.Role(context)),
            ("AccessPoint", AccessPointBuilder.Build(context)),
            ("AddonsStack", AddonsStackBuilder.Build(context)));
        foreach (var (logicalId, resource) in PublishTopicsBuilder.Build(context))
        {
            resources.Add(logicalId, resource);
        }

        return resources;
    }

    private static string StackName(SynthesisContext context) => WorkloadStackName.Of(context.AppName, context.EnvName, context.JobName);
}
