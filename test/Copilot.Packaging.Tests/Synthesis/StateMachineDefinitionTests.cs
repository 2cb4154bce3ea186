using Copilot.Packaging.Errors;
using static Copilot.Packaging.Tests.Synthesis.SynthesisFixtures;

namespace Copilot.Packaging.Tests.Synthesis;

public class StateMachineDefinitionTests
{
    private const string WithTimeoutAndRetries = """
        {
          "Version": "1.0",
          "Comment": "Run AWS Fargate task",
          "TimeoutSeconds": 10800,
          "StartAt": "Run Fargate Task",
          "States": {
            "Run Fargate Task": {
              "Type": "Task",
              "Resource": "arn:${Partition}:states:::ecs:runTask.sync",
              "Parameters": {
                "LaunchType": "FARGATE",
                "PlatformVersion": "LATEST",
                "Cluster": "${Cluster}",
                "TaskDefinition": "${TaskDefinition}",
                "PropagateTags": "TASK_DEFINITION",
                "Group.$": "$$.Execution.Name",
                "NetworkConfiguration": {
                  "AwsvpcConfiguration": {
                    "Subnets": ["${Subnets}"],
                    "AssignPublicIp": "${AssignPublicIp}",
                    "SecurityGroups": ["${SecurityGroups}"]
                  }
                }
              },
              "Retry": [
                {
                  "ErrorEquals": [
                    "States.ALL"
                  ],
                  "IntervalSeconds": 10,
                  "MaxAttempts": 5,
                  "BackoffRate": 1.5
                }
              ],
              "End": true
            }
          }
        }
        """;

    private const string WithoutTimeoutOrRetries = """
        {
          "Version": "1.0",
          "Comment": "Run AWS Fargate task",
          "StartAt": "Run Fargate Task",
          "States": {
            "Run Fargate Task": {
              "Type": "Task",
              "Resource": "arn:${Partition}:states:::ecs:runTask.sync",
              "Parameters": {
                "LaunchType": "FARGATE",
                "PlatformVersion": "1.0.0",
                "Cluster": "${Cluster}",
                "TaskDefinition": "${TaskDefinition}",
                "PropagateTags": "TASK_DEFINITION",
                "Group.$": "$$.Execution.Name",
                "NetworkConfiguration": {
                  "AwsvpcConfiguration": {
                    "Subnets": ["${Subnets}"],
                    "AssignPublicIp": "${AssignPublicIp}",
                    "SecurityGroups": ["${SecurityGroups}"]
                  }
                }
              },
              "End": true
            }
          }
        }
        """;

    private static string Definition(string? timeout, int? retries, string? platform = null)
    {
        var manifest = MinimalManifest() with
        {
            Timeout = timeout,
            Retries = retries,
            Platform = platform is null ? null : new Copilot.Packaging.Manifest.Model.PlatformConfig { Text = platform },
        };
        var template = Synthesizer().Synthesize(Input(manifest)).Template;
        return TemplatePaths.Text(template, "Resources.StateMachine.Properties.DefinitionString");
    }

    [Test]
    public void T_SM_01_timeout_and_retries_render_the_exact_definition_ending_in_six_spaces()
    {
        Assert.That(Definition("3h", 5), Is.EqualTo(WithTimeoutAndRetries + "      "));
    }

    [Test]
    public void Windows_without_timeout_or_retries_renders_platform_1_0_0_and_no_optional_blocks()
    {
        Assert.That(Definition(null, null, "windows/amd64"), Is.EqualTo(WithoutTimeoutOrRetries + "      "));
    }

    [Test]
    public void T_SM_02_timeout_without_retries_has_no_retry_block()
    {
        var text = Definition("1h", null);

        Assert.That(text, Does.Contain("  \"TimeoutSeconds\": 3600,\n"));
        Assert.That(text, Does.Not.Contain("Retry"));
    }

    [Test]
    public void T_SM_03_retries_without_timeout_has_no_timeout()
    {
        var text = Definition(null, 2);

        Assert.That(text, Does.Not.Contain("TimeoutSeconds"));
        Assert.That(text, Does.Contain("\"MaxAttempts\": 2,\n"));
    }

    [Test]
    public void Zero_retries_render_no_retry_block()
    {
        Assert.That(Definition(null, 0), Does.Not.Contain("Retry"));
    }

    [TestCase("1h30m", 3, 5400, 3, TestName = "T_SM_08 1h30m with 3 retries")]
    [TestCase("1h", 3, 3600, 3, TestName = "T_SM_09 1h with 3 retries")]
    [TestCase("90s", 1, 90, 1, TestName = "90s with 1 retry")]
    public void Timeout_seconds_and_max_attempts(string timeout, int retries, int seconds, int attempts)
    {
        var text = Definition(timeout, retries);

        Assert.That(text, Does.Contain($"  \"TimeoutSeconds\": {seconds},\n"));
        Assert.That(text, Does.Contain($"\"MaxAttempts\": {attempts},\n"));
    }

    [TestCase(null, -4, "number of retries cannot be negative", "retries", TestName = "T_SM_04 negative retries")]
    [TestCase("500ms", null, "timeout must be greater than or equal to 1 second", "timeout", TestName = "T_SM_05 sub-second timeout")]
    [TestCase("5 hours", null, "parse duration: time: unknown unit \" hours\" in duration \"5 hours\"", "timeout", TestName = "T_SM_06 unparsable timeout")]
    [TestCase("1s40ms", null, "timeout must be a whole number of seconds, minutes, or hours", "timeout", TestName = "T_SM_07 fractional timeout")]
    public void Invalid_timeout_or_retries_are_located_errors(string? timeout, int? retries, string message, string field)
    {
        var location = new SourceLocation("copilot/report/manifest.yml", 7, 10);
        var manifest = MinimalManifest() with
        {
            Timeout = timeout,
            Retries = retries,
            Source = new Copilot.Packaging.Manifest.ManifestSourceMap("copilot/report/manifest.yml", new Dictionary<string, SourceLocation> { [field] = location }),
        };

        var error = Assert.Throws<CopilotJobException>(() => Synthesizer().Synthesize(Input(manifest)));

        Assert.That(error!.Message, Is.EqualTo(message));
        Assert.That(error.Location, Is.EqualTo(location));
    }

    [Test]
    public void Definition_string_is_written_double_quoted_and_reads_back_identically()
    {
        var stack = Synthesizer().Synthesize(Input(MinimalManifest() with { Timeout = "3h", Retries = 5 }));
        var text = Copilot.Packaging.Yaml.YamlTextWriter.Write(stack.Template);

        Assert.That(text, Does.Contain("      DefinitionString: \"{\\n  \\\"Version\\\": \\\"1.0\\\","));
        Assert.That(TemplatePaths.Text(TemplateTreeComparer.Parse(text), "Resources.StateMachine.Properties.DefinitionString"), Is.EqualTo(WithTimeoutAndRetries + "      "));
    }
}
