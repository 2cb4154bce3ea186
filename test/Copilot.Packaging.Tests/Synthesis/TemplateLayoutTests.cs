using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static Copilot.Packaging.Tests.Synthesis.SynthesisFixtures;

namespace Copilot.Packaging.Tests.Synthesis;

public class TemplateLayoutTests
{
    private static YamlMappingNode Render(ScheduledJobManifest manifest) => Synthesizer().Synthesize(Input(manifest)).Template;

    [Test]
    public void Top_level_sections_come_in_copilots_order_without_outputs()
    {
        var template = Render(MinimalManifest());

        Assert.That(TemplatePaths.Keys(template, "Resources"), Is.EqualTo(new[]
        {
            "LogGroup", "EnvControllerAction", "EnvControllerFunction", "EnvControllerRole", "TaskDefinition", "ExecutionRole",
            "TaskRole", "Rule", "RuleRole", "StateMachine", "StateMachineRole", "AddonsStack",
        }));
        Assert.That(template.Children.Keys.Select(k => ((YamlScalarNode)k).Value), Is.EqualTo(new[]
        {
            "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Conditions", "Resources",
        }));
        Assert.That(YamlTextWriter.Write(template), Does.StartWith(
            "AWSTemplateFormatVersion: 2010-09-09\nDescription: CloudFormation template that represents a scheduled job on Amazon ECS.\nMetadata:\n  Version: v1.35.0\nParameters:\n"));
    }

    [Test]
    public void Metadata_carries_the_input_version_and_the_manifest_as_a_literal_block()
    {
        var input = Input(MinimalManifest()) with { Version = "v9.9.9", ManifestText = "name: report\non:\n  schedule: '@daily'\n" };

        var text = YamlTextWriter.Write(Synthesizer().Synthesize(input).Template);

        Assert.That(text, Does.Contain("Metadata:\n  Version: v9.9.9\n  Manifest: |\n    name: report\n    on:\n      schedule: '@daily'\nParameters:"));
    }

    [Test]
    public void Minimal_job_has_the_fixed_parameters_and_two_conditions()
    {
        var template = Render(MinimalManifest());

        Assert.That(TemplatePaths.Keys(template, "Parameters"), Is.EqualTo(new[]
        {
            "AppName", "EnvName", "WorkloadName", "Schedule", "ContainerImage", "TaskCPU", "TaskMemory", "TaskCount",
            "LogRetention", "AddonsTemplateURL", "EnvFileARN", "ArtifactKeyARN",
        }));
        Assert.That(TemplatePaths.Keys(template, "Conditions"), Is.EqualTo(new[] { "HasAddons", "HasEnvFile" }));
        Assert.That(YamlTextWriter.Write(template), Does.Contain("  HasAddons: !Not [!Equals [!Ref AddonsTemplateURL, \"\"]]\n"));
    }

    [Test]
    public void Env_controller_of_a_minimal_job_has_no_parameters_and_the_addons_stack_no_dependency()
    {
        var template = Render(MinimalManifest());

        Assert.That(((YamlSequenceNode)TemplatePaths.Node(template, "Resources.EnvControllerAction.Properties.Parameters")).Children, Is.Empty);
        Assert.That(TemplatePaths.Text(template, "Resources.EnvControllerAction.Properties.EnvVersion"), Is.EqualTo("v1.42.0"));
        Assert.That(TemplatePaths.Find(template, "Resources.AddonsStack.DependsOn"), Is.Null);
        Assert.That(TemplatePaths.Text(template, "Resources.AddonsStack.Condition"), Is.EqualTo("HasAddons"));
        Assert.That(TemplatePaths.Keys(template, "Resources.TaskRole.Properties").Contains("ManagedPolicyArns"), Is.False);
    }

    [Test]
    public void Env_controller_function_runs_on_nodejs22_from_the_given_code_location()
    {
        var input = Input(MinimalManifest()) with { EnvControllerCode = new Copilot.Packaging.Synthesis.S3Location("my-bucket", "manual/scripts/x.zip") };

        var template = Synthesizer().Synthesize(input).Template;

        Assert.That(TemplatePaths.Text(template, "Resources.EnvControllerFunction.Properties.Runtime"), Is.EqualTo("nodejs22.x"));
        Assert.That(TemplatePaths.Text(template, "Resources.EnvControllerFunction.Properties.Code.S3Bucket"), Is.EqualTo("my-bucket"));
        Assert.That(TemplatePaths.Text(template, "Resources.EnvControllerFunction.Properties.Code.S3Key"), Is.EqualTo("manual/scripts/x.zip"));
    }

    [Test]
    public void Rule_is_enabled_and_references_the_schedule_parameter()
    {
        var stack = Synthesizer().Synthesize(Input(MinimalManifest()));

        Assert.That(TemplatePaths.Text(stack.Template, "Resources.Rule.Properties.ScheduleExpression"), Is.EqualTo("Schedule"));
        Assert.That(TemplatePaths.Tag(stack.Template, "Resources.Rule.Properties.ScheduleExpression"), Is.EqualTo("!Ref"));
        Assert.That(TemplatePaths.Text(stack.Template, "Resources.Rule.Properties.State"), Is.EqualTo("ENABLED"));
        Assert.That(stack.Configuration.Parameters["Schedule"], Is.EqualTo("cron(0 0 * * ? *)"));
    }

    [Test]
    public void None_schedule_disables_the_rule_with_a_five_minute_rate()
    {
        var stack = Synthesizer().Synthesize(Input(MinimalManifest() with { Schedule = "none" }));

        Assert.That(TemplatePaths.Text(stack.Template, "Resources.Rule.Properties.ScheduleExpression"), Is.EqualTo("rate(5 minutes)"));
        Assert.That(TemplatePaths.Tag(stack.Template, "Resources.Rule.Properties.ScheduleExpression"), Is.Empty);
        Assert.That(TemplatePaths.Text(stack.Template, "Resources.Rule.Properties.State"), Is.EqualTo("DISABLED"));
        Assert.That(stack.Configuration.Parameters["Schedule"], Is.EqualTo("none"));
    }

    [Test]
    public void A_schedule_converted_by_the_caller_is_used_as_given()
    {
        var synthesizer = new Copilot.Packaging.Synthesis.JobTemplateSynthesizer();

        // "not a schedule" would fail to convert: the given expression is used instead of converting again.
        var stack = synthesizer.Synthesize(Input(MinimalManifest("nightly")) with { Manifest = MinimalManifest("nightly") with { Schedule = "not a schedule" }, ScheduleExpression = "rate(7 minutes)" });

        Assert.That(stack.Configuration.Parameters["Schedule"], Is.EqualTo("rate(7 minutes)"));
        Assert.That(TemplatePaths.Text(stack.Template, "Resources.Rule.Properties.State"), Is.EqualTo("ENABLED"));
    }

    [Test]
    public void The_default_synthesizer_uses_the_schedule_converter()
    {
        var synthesizer = new Copilot.Packaging.Synthesis.JobTemplateSynthesizer();

        var daily = synthesizer.Synthesize(Input(MinimalManifest()));
        var weekly = synthesizer.Synthesize(Input(MinimalManifest() with { Schedule = "0 12 * * MON" }));

        Assert.That(daily.Configuration.Parameters["Schedule"], Is.EqualTo("cron(0 0 * * ? *)"));
        Assert.That(weekly.Configuration.Parameters["Schedule"], Is.EqualTo("cron(0 12 ? * MON *)"));
    }

    [Test]
    public void Long_stack_names_are_cut_at_128_characters()
    {
        var stack = Synthesizer().Synthesize(Input(MinimalManifest(new string('j', 200))));

        Assert.That(stack.StackName, Has.Length.EqualTo(128).And.StartWith("my-app-test-jjj"));
    }

    [Test]
    public void User_values_are_proper_yaml_scalars_that_read_back_unchanged()
    {
        var manifest = MinimalManifest() with
        {
            Command = new CommandLine(["echo", "a: b", "#not-a-comment", "*star", "'quoted'", "yes"], WasString: false),
            Variables = new Dictionary<string, VariableValue> { ["MULTI"] = VariableValue.Plain("line1\nline2  "), ["PORT"] = VariableValue.Plain("8080") },
        };

        var text = YamlTextWriter.Write(Render(manifest));
        var back = TemplateTreeComparer.Parse(text);

        var command = (YamlSequenceNode)TemplatePaths.Node(back, "Resources.TaskDefinition.Properties.ContainerDefinitions[0].Command");
        Assert.That(command.Children.Select(c => ((YamlScalarNode)c).Value), Is.EqualTo(manifest.Command!.Words));
        var environment = TemplatePaths.Environment(back, 0);
        Assert.That(((YamlScalarNode)environment["MULTI"]).Value, Is.EqualTo("line1\nline2  "));
        Assert.That(((YamlScalarNode)environment["PORT"]).Style, Is.Not.EqualTo(ScalarStyle.Plain));
    }
}
