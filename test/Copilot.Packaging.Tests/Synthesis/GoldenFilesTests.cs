namespace Copilot.Packaging.Tests.Synthesis;

/// <summary>What a golden mismatch tells: the received file beside the golden one and the first differing line and key path.</summary>
public sealed class GoldenFilesTests
{
    [Test]
    public void The_received_file_sits_beside_the_golden_file_with_received_before_the_extension()
    {
        Assert.That(
            GoldenFiles.ReceivedPath(Path.Combine("g", "example-report-generator-test.stack.yml")),
            Is.EqualTo(Path.Combine("g", "example-report-generator-test.stack.received.yml")));
    }

    [Test]
    public void The_first_difference_names_the_line_and_the_enclosing_yaml_keys()
    {
        const string expected = "Resources:\n  TaskDefinition:\n    Properties:\n      Cpu: 256\n      Memory: 512\n";
        const string received = "Resources:\n  TaskDefinition:\n    Properties:\n      Cpu: 256\n      Memory: 1024\n";

        Assert.That(
            GoldenFiles.FirstDifference(expected, received),
            Is.EqualTo("at line 5 (Resources.TaskDefinition.Properties.Memory): expected \"      Memory: 512\", received \"      Memory: 1024\""));
    }

    [Test]
    public void A_shorter_text_differs_at_its_end()
    {
        Assert.That(GoldenFiles.FirstDifference("a: 1\nb: 2\n", "a: 1\n"), Is.EqualTo("at line 2 (b): expected \"b: 2\", received \"\""));
    }
}
