using Copilot.Packaging.Synthesis;
using Copilot.Packaging.Tests.Support;
using Copilot.Packaging.Yaml;

namespace Copilot.Packaging.Tests.Synthesis;

/// <summary>
/// copilot's own golden Scheduled Job (compat/job-manifest.yml for env <c>test</c>) must render to the same template,
/// leaf for leaf, and to the same template configuration, byte for byte.
/// </summary>
public class CompatGoldenTests
{
    // The only leaves allowed to differ from copilot's rendering, and why.
    private static readonly Dictionary<string, string> AllowedDeviations = new()
    {
        ["Metadata.Version"] = "this tool's template version, newer than every copilot release",
        ["Resources.EnvControllerFunction.Properties.Runtime"] = "nodejs22.x instead of the deprecated nodejs20.x",
        ["Resources.EnvControllerFunction.Properties.Code.S3Key"] = "the key hashes our own env-controller bundle",
    };

    private static JobStack Render() =>
        SynthesisFixtures.Synthesizer().Synthesize(SynthesisFixtures.Input(SynthesisFixtures.CompatManifest()));

    [Test]
    public void Template_matches_copilots_golden_template_leaf_for_leaf_except_the_allowed_deviations()
    {
        var expected = TemplateTreeComparer.Parse(CompatData.ReadText("job-test.stack.deployable.yml"));
        var actual = TemplateTreeComparer.Parse(YamlTextWriter.Write(Render().Template));

        var differences = TemplateTreeComparer.Compare(expected, actual);

        var unexpected = differences.Where(d => !AllowedDeviations.ContainsKey(d.Path)).Select(d => d.ToString()).ToList();
        Assert.That(unexpected, Is.Empty, "Differences from copilot's golden template:\n" + string.Join("\n", unexpected));
        Assert.That(differences.Select(d => d.Path), Is.EquivalentTo(AllowedDeviations.Keys), "Each allowed deviation is real.");
    }

    [Test]
    public void Template_configuration_equals_copilots_params_json_byte_for_byte()
    {
        var json = TemplateConfigurationJson.Write(Render().Configuration);

        Assert.That(json, Is.EqualTo(CompatData.ReadText("job-test.params.json")));
    }

    [Test]
    public void State_machine_definition_string_equals_copilots_character_for_character()
    {
        var expected = TemplateTreeComparer.Parse(CompatData.ReadText("job-test.stack.deployable.yml"));
        var actual = TemplateTreeComparer.Parse(YamlTextWriter.Write(Render().Template));
        const string path = "Resources.StateMachine.Properties.DefinitionString";

        Assert.That(TemplatePaths.Text(actual, path), Is.EqualTo(TemplatePaths.Text(expected, path)));
        Assert.That(TemplatePaths.Text(actual, path), Does.EndWith("}      "));
    }

    [Test]
    public void Stack_name_joins_app_env_and_job()
    {
        Assert.That(Render().StackName, Is.EqualTo("my-app-test-job"));
    }
}
