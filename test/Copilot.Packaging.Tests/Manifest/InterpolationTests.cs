using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest;
using static Copilot.Packaging.Tests.Manifest.ManifestTestKit;

namespace Copilot.Packaging.Tests.Manifest;

/// <summary>Vectors T-INT-01..06 (§9.5; app <c>myApp</c>, env <c>test</c>) and the located variants of their errors.</summary>
public class InterpolationTests
{
    private static string Interpolate(string yaml, IReadOnlyDictionary<string, string>? variables = null) =>
        ManifestLoader.ReadInterpolated(new ManifestSource(yaml, ManifestFile), Options("test", variables)).Text;

    private static CopilotJobException InterpolationFails(string yaml, IReadOnlyDictionary<string, string>? variables = null) =>
        Assert.Throws<CopilotJobException>(() => Interpolate(yaml, variables))!;

    [Test]
    public void T_INT_01_undefined_variable_is_an_error()
    {
        var error = InterpolationFails("/copilot/my-app/${env}/secrets/db_password");

        Assert.That(error.Message, Is.EqualTo("environment variable \"env\" is not defined"));
    }

    [Test]
    public void T_INT_02_predefined_variable_cannot_be_overridden_by_the_process_environment()
    {
        var error = InterpolationFails(
            "/copilot/my-app/${COPILOT_ENVIRONMENT_NAME}/secrets/db_password",
            new Dictionary<string, string> { ["COPILOT_ENVIRONMENT_NAME"] = "prod" });

        Assert.That(error.Message, Is.EqualTo("predefined environment variable \"COPILOT_ENVIRONMENT_NAME\" cannot be overridden by OS environment variable with the same name"));
    }

    [Test]
    public void Predefined_variable_set_to_the_same_value_in_the_process_is_accepted()
    {
        var text = Interpolate("a: ${COPILOT_ENVIRONMENT_NAME}-${COPILOT_APPLICATION_NAME}", new Dictionary<string, string> { ["COPILOT_ENVIRONMENT_NAME"] = "test" });

        Assert.That(text, Is.EqualTo("a: test-myApp\n"));
    }

    [Test]
    public void T_INT_03_text_without_variables_is_unchanged()
    {
        Assert.That(Interpolate("1234567890.dkr.ecr.us-west-2.amazonaws.com/vault/test:latest"), Is.EqualTo("1234567890.dkr.ecr.us-west-2.amazonaws.com/vault/test:latest\n"));
    }

    [Test]
    public void T_INT_04_escaped_variable_stays_literal()
    {
        Assert.That(Interpolate("echo \\${name}", new Dictionary<string, string> { ["name"] = "foo" }), Is.EqualTo("echo ${name}\n"));
    }

    [Test]
    public void T_INT_05_escapes_and_substitutions_mix()
    {
        var variables = new Dictionary<string, string> { ["a"] = "A", ["b"] = "B", ["c"] = "C", ["d"] = "D" };

        Assert.That(Interpolate("${a}${b}\\${c}${d}", variables), Is.EqualTo("AB${c}D\n"));
    }

    [Test]
    public void T_INT_06_whole_manifest()
    {
        var variables = new Dictionary<string, string>
        {
            ["region"] = string.Empty,
            ["tag"] = "latest",
            ["CPU"] = "512",
            ["bar"] = "bar",
            ["SECURITY_GROUPS"] = "[\"sg-1\",\"sg-2\",\"sg-3\"]",
        };
        var yaml = """
            # The manifest for the job.

            name: loadtester
            type: Scheduled Job

            image:
              location: ${0accountID}.dkr.${repo-provider}.${region}.amazonaws.com/vault/${COPILOT_ENVIRONMENT_NAME}:${tag}

            cpu: 256#${CPU}
            memory: 512    # ${Memory}
            variables:
              ${foo}: ${bar}
            network:
              vpc:
                security_groups: ${SECURITY_GROUPS}
            taskdef_overrides:
              - path: ContainerDefinitions[0].Command
                value: |
                  ["a", "b"]

            """;

        Assert.That(Interpolate(yaml, variables), Is.EqualTo("""
            name: loadtester
            type: Scheduled Job
            image:
              location: ${0accountID}.dkr.${repo-provider}..amazonaws.com/vault/test:latest
            cpu: 256#512
            memory: 512
            variables:
              ${foo}: bar
            network:
              vpc:
                security_groups:
                  - sg-1
                  - sg-2
                  - sg-3
            taskdef_overrides:
              - path: ContainerDefinitions[0].Command
                value: |
                  ["a", "b"]

            """));
    }

    [Test]
    public void Json_array_strings_become_lists_even_without_variables()
    {
        var loaded = Job("image:\n  location: nginx\nnetwork:\n  vpc:\n    security_groups: '[\"sg-1\", \"sg-2\"]'\n");

        Assert.That(loaded.Manifest.Network!.SecurityGroups.Select(g => g.Id), Is.EqualTo(new[] { "sg-1", "sg-2" }));
    }

    [Test]
    public void Keys_tagged_values_and_numbers_are_not_interpolated()
    {
        var text = Interpolate("${k}: !Ref ${v}\nn: 5\n");

        Assert.That(text, Is.EqualTo("${k}: !Ref ${v}\nn: 5\n"));
    }

    [Test]
    public void Undefined_variables_are_all_reported_with_their_locations()
    {
        var error = JobFails("image:\n  location: ${REGISTRY}/app\nvariables:\n  A: ${MISSING}\n");

        Assert.That(error.Describe(), Is.EqualTo(
            $"{ManifestFile}:4:13: image.location: environment variable \"REGISTRY\" is not defined{Environment.NewLine}"
            + $"{ManifestFile}:6:6: variables.A: environment variable \"MISSING\" is not defined"));
    }

    [Test]
    public void Interpolated_numbers_bind_to_integer_fields_and_stay_quoted_in_the_text()
    {
        var loaded = Job("image:\n  location: nginx\ncpu: ${CPU}\n", variables: new Dictionary<string, string> { ["CPU"] = "1024" });

        Assert.That(loaded.Manifest.Cpu, Is.EqualTo(1024));
        Assert.That(loaded.InterpolatedText, Does.Contain("cpu: \"1024\"\n"));
    }

    [Test]
    public void Empty_variable_substitutes_the_empty_string()
    {
        var loaded = Job("image:\n  location: nginx${SUFFIX}\n", variables: new Dictionary<string, string> { ["SUFFIX"] = string.Empty });

        Assert.That(loaded.Manifest.Image.Location, Is.EqualTo("nginx"));
    }

    [Test]
    public void Interpolated_text_keeps_the_environments_block()
    {
        var loaded = Job("image:\n  location: nginx\nenvironments:\n  test:\n    cpu: 512\n");

        Assert.That(loaded.InterpolatedText, Does.Contain("environments:\n  test:\n    cpu: 512\n"));
    }
}
