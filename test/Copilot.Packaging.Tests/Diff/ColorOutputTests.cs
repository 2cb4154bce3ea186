using Copilot.Packaging.Diff;
using static Copilot.Packaging.Tests.Diff.DiffTestSupport;

namespace Copilot.Packaging.Tests.Diff;

public class ColorOutputTests
{
    private const string Yellow = "\u001b[93m";
    private const string Red = "\u001b[91m";
    private const string Green = "\u001b[92m";
    private const string Faint = "\u001b[2m";
    private const string Reset = "\u001b[0m";

    private static readonly DiffWriteOptions Color = new() { Color = true };

    [Test]
    public void Additions_are_green_and_unchanged_counts_faint_while_path_lines_stay_plain()
    {
        var text = DiffTextWriter.Write(Tree("L: [dog,bear,cat]", "L: [dog,bear,mouse,cat]"), Color);

        Assert.That(text, Is.EqualTo(
            $"~ L:\n    {Faint}(2 unchanged items){Reset}\n    {Green}+ - mouse{Reset}\n    {Faint}(1 unchanged item){Reset}\n"));
    }

    [Test]
    public void Modifications_are_yellow_removals_red_and_the_changed_item_marker_faint()
    {
        var text = DiffTextWriter.Write(Tree("L:\n  - a: 1\n    b: 2", "L:\n  - a: 3"), Color);

        Assert.That(text, Is.EqualTo(
            $"~ L:\n    ~ {Faint}- (changed item){Reset}\n      {Yellow}~ a: 1 -> 3{Reset}\n      {Red}- b: 2{Reset}\n"));
    }

    [Test]
    public void Without_the_option_no_escape_codes_are_written()
    {
        var tree = Tree("L:\n  - a: 1\n    b: 2\nM: |\n  x\n  y\n", "L:\n  - a: 3\nM: |\n  x\n  z\n");

        // Ordinal search: a culture-aware one ignores control characters and would find "\u001b" anywhere.
        Assert.That(DiffTextWriter.Write(tree).Contains('\u001b', StringComparison.Ordinal), Is.False);
        Assert.That(DiffTextWriter.Write(tree, new DiffWriteOptions { Color = false }).Contains('\u001b', StringComparison.Ordinal), Is.False);
        Assert.That(new StackDiff(tree).ToText().Contains('\u001b', StringComparison.Ordinal), Is.False);
        Assert.That(DiffTextWriter.Write(tree, new DiffWriteOptions { Color = true }).Contains('\u001b', StringComparison.Ordinal), Is.True);
    }

    [Test]
    public void Line_diffs_colour_each_line_by_its_kind()
    {
        var text = DiffTextWriter.Write(Tree("M: |\n  x\n  y\n", "M: |\n  x\n  z\n"), Color);

        Assert.That(text, Is.EqualTo($"{Yellow}~ M:{Reset}\n      x\n    {Red}- y{Reset}\n    {Green}+ z{Reset}\n"));
    }
}
