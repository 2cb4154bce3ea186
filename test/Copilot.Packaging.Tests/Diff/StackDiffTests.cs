using Copilot.Packaging.Diff;
using static Copilot.Packaging.Tests.Diff.DiffTestSupport;

namespace Copilot.Packaging.Tests.Diff;

public class StackDiffTests
{
    private static readonly Dictionary<string, string> None = [];

    [Test]
    public void Nothing_differing_prints_no_changes_and_exits_zero()
    {
        var diff = new StackDiff(Tree("a: 1", "a: 1"), ParameterDiff.Compare(None, None, None, None));

        Assert.That(diff.HasChanges, Is.False);
        Assert.That(diff.HasChanges, Is.False);
        Assert.That(diff.ToText(), Is.EqualTo("No changes.\n"));
    }

    [Test]
    public void A_template_change_exits_one_and_prints_the_template_diff_then_the_parameter_sections()
    {
        var parameters = ParameterDiff.Compare(
            new Dictionary<string, string> { ["TaskCPU"] = "256" }, None,
            new Dictionary<string, string> { ["TaskCPU"] = "512" }, None);

        var diff = new StackDiff(Tree("a: 1", "a: 2"), parameters);

        Assert.That(diff.HasChanges, Is.True);
        Assert.That(diff.ToText(), Is.EqualTo("~ a: 1 -> 2\nParameter values:\n    ~ TaskCPU: 256 -> 512\n"));
    }

    [Test]
    public void A_parameter_change_alone_is_a_change()
    {
        var parameters = ParameterDiff.Compare(None, None, None, new Dictionary<string, string> { ["owner"] = "me" });

        var diff = new StackDiff(Tree("a: 1", "a: 1"), parameters);

        Assert.That(diff.HasChanges, Is.True);
        Assert.That(diff.ToText(), Is.EqualTo("Tags:\n    + owner: me\n"));
    }

    [Test]
    public void Values_that_cannot_be_compared_follow_no_changes()
    {
        var parameters = ParameterDiff.Compare(
            new Dictionary<string, string> { ["Secret"] = "****" }, None,
            new Dictionary<string, string> { ["Secret"] = "x" }, None);

        var diff = new StackDiff(Tree("a: 1", "a: 1"), parameters);

        Assert.That(diff.HasChanges, Is.False);
        Assert.That(diff.ToText(), Is.EqualTo(
            "No changes.\nParameter values:\n    ? Secret: the deployed value is hidden (NoEcho), so it cannot be compared\n"));
    }

    [Test]
    public void A_stack_that_does_not_exist_yet_shows_the_whole_template_added()
    {
        var diff = new StackDiff(TemplateDiffer.Compare(null, CloudFormationTemplateParser.Parse("a: 1", "t.yml")));

        Assert.That(diff.ToText(), Is.EqualTo("+ a: 1\n"));
        Assert.That(diff.HasChanges, Is.True);
    }
}
