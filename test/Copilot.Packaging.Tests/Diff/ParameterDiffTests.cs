using Copilot.Packaging.Diff;

namespace Copilot.Packaging.Tests.Diff;

/// <summary>Beyond copilot (#5119): parameter values and stack tags are compared too.</summary>
public class ParameterDiffTests
{
    private static readonly Dictionary<string, string> None = [];

    [Test]
    public void Changed_added_and_removed_parameters_and_tags_are_listed_in_name_order()
    {
        var diff = ParameterDiff.Compare(
            new Dictionary<string, string> { ["TaskCPU"] = "256", ["Old"] = "x", ["Same"] = "1" },
            new Dictionary<string, string> { ["copilot-application"] = "app", ["owner"] = "a" },
            new Dictionary<string, string> { ["TaskCPU"] = "512", ["New"] = "", ["Same"] = "1" },
            new Dictionary<string, string> { ["copilot-application"] = "app", ["team"] = "b" });

        Assert.That(diff.HasChanges, Is.True);
        Assert.That(DiffTextWriter.Write(diff), Is.EqualTo(
            """
            Parameter values:
                + New: ""
                - Old: x
                ~ TaskCPU: 256 -> 512
            Tags:
                - owner: a
                + team: b

            """));
    }

    [Test]
    public void Equal_values_are_no_change_and_write_nothing()
    {
        var same = new Dictionary<string, string> { ["A"] = "1" };

        var diff = ParameterDiff.Compare(same, same, same, same);

        Assert.That(diff.HasChanges, Is.False);
        Assert.That(diff.HasEntries, Is.False);
        Assert.That(DiffTextWriter.Write(diff), Is.Empty);
    }

    [Test]
    public void A_masked_noecho_value_cannot_be_compared_and_is_not_a_change()
    {
        var diff = ParameterDiff.Compare(
            new Dictionary<string, string> { ["DbPassword"] = ParameterDiff.MaskedValue },
            None,
            new Dictionary<string, string> { ["DbPassword"] = "s3cret" },
            None);

        Assert.That(diff.HasChanges, Is.False);
        Assert.That(diff.Parameters.Single().Kind, Is.EqualTo(ValueChangeKind.Unknown));
        Assert.That(DiffTextWriter.Write(diff), Is.EqualTo(
            "Parameter values:\n    ? DbPassword: the deployed value is hidden (NoEcho), so it cannot be compared\n"));
    }

    [Test]
    public void A_parameter_that_keeps_its_previous_value_is_unchanged()
    {
        var diff = ParameterDiff.Compare(
            new Dictionary<string, string> { ["ContainerImage"] = "repo:old" },
            None,
            None,
            None,
            new HashSet<string> { "ContainerImage" });

        Assert.That(diff.HasEntries, Is.False);
    }

    [Test]
    public void Keeping_a_previous_value_that_the_deployed_stack_lacks_is_reported()
    {
        var diff = ParameterDiff.Compare(None, None, None, None, new HashSet<string> { "ContainerImage" });

        Assert.That(diff.HasChanges, Is.False);
        Assert.That(DiffTextWriter.Write(diff), Is.EqualTo(
            "Parameter values:\n    ? ContainerImage: keeps its previous value, but the deployed stack has none\n"));
    }

    [Test]
    public void Values_with_line_breaks_or_surrounding_spaces_are_written_as_json_strings()
    {
        var diff = ParameterDiff.Compare(
            new Dictionary<string, string> { ["A"] = "x\ny", ["B"] = " padded" },
            None,
            new Dictionary<string, string> { ["A"] = "x", ["B"] = "padded" },
            None);

        Assert.That(DiffTextWriter.Write(diff), Is.EqualTo(
            "Parameter values:\n    ~ A: \"x\\ny\" -> x\n    ~ B: \" padded\" -> padded\n"));
    }
}
