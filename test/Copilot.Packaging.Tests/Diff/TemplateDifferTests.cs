using Copilot.Packaging.Diff;
using static Copilot.Packaging.Tests.Diff.DiffTestSupport;

namespace Copilot.Packaging.Tests.Diff;

public class TemplateDifferTests
{
    [Test]
    public void Two_missing_documents_are_no_change()
    {
        Assert.That(TemplateDiffer.Compare(null, null).HasChanges, Is.False);
    }

    [Test]
    public void A_missing_deployed_template_makes_the_root_an_added_leaf()
    {
        var proposed = CloudFormationTemplateParser.Parse("Resources:\n  A:\n    Type: X", "p.yml");

        var tree = TemplateDiffer.Compare(null, proposed);

        Assert.That(tree.Root, Is.Not.Null);
        Assert.That(tree.Root!.IsLeaf, Is.True);
        Assert.That(tree.Root.OldValue, Is.Null);
        Assert.That(tree.Root.NewValue, Is.SameAs(proposed));
        Assert.That(DiffTextWriter.Write(tree), Is.EqualTo(Lines(
            """
            + Resources:
            +     A:
            +         Type: X
            """)));
    }

    [Test]
    public void Keys_are_visited_in_byte_order_not_document_order()
    {
        var text = DiffText("b: 1\nB: 1\na: 1\n_: 1", "b: 2\nB: 2\na: 2\n_: 2");

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ B: 1 -> 2
            ~ _: 1 -> 2
            ~ a: 1 -> 2
            ~ b: 1 -> 2
            """)));
    }

    [Test]
    public void A_manifest_key_outside_the_top_level_metadata_is_compared()
    {
        // Copilot would ignore this one too (its ignorer is not anchored); only Metadata.Manifest at the top is copilot's manifest.
        var text = DiffText(
            "Metadata:\n  Manifest: a\nResources:\n  R:\n    Metadata:\n      Manifest: x",
            "Metadata:\n  Manifest: b\nResources:\n  R:\n    Metadata:\n      Manifest: y");

        Assert.That(text, Is.EqualTo("~ Resources/R/Metadata:\n    ~ Manifest: x -> y\n"));
    }

    [Test]
    public void An_added_or_removed_top_level_manifest_is_ignored_too()
    {
        Assert.That(Tree("Metadata:\n  Version: v1", "Metadata:\n  Version: v1\n  Manifest: |\n    name: job\n").HasChanges, Is.False);
        Assert.That(Tree("Metadata:\n  Version: v1\n  Manifest: x", "Metadata:\n  Version: v1").HasChanges, Is.False);
    }

    [Test]
    public void A_root_that_changed_kind_is_written_as_a_whole_removal_then_addition()
    {
        Assert.That(DiffText("a: 1", "- a"), Is.EqualTo("- a: 1\n+ - a\n"));
    }

    [Test]
    public void Empty_collections_of_the_same_kind_are_equal_and_of_different_kinds_differ()
    {
        Assert.That(Tree("a: []", "a: []").HasChanges, Is.False);
        Assert.That(DiffText("a: []", "a: {}"), Is.EqualTo("- a: []\n+ a: {}\n"));
    }

    [Test]
    public void An_emptied_list_shows_its_items_removed()
    {
        Assert.That(DiffText("a: [x, y]", "a: []"), Is.EqualTo(Lines(
            """
            ~ a:
                - - x
                - - y
            """)));
    }

    [Test]
    public void Added_multi_line_strings_are_written_as_literal_blocks()
    {
        Assert.That(DiffText("a: 1", "a: 1\nb: |\n  line one\n  line two\n"), Is.EqualTo(Lines(
            """
            + b: |
            +     line one
            +     line two
            """)));
    }

    [Test]
    public void Added_nested_structures_follow_go_yaml_layout()
    {
        var proposed = """
            a: 1
            Policies:
              - PolicyName: p
                PolicyDocument:
                  Statement:
                    - Effect: Allow
                      Action: [s3:GetObject]  # a colon in a flow list gets quoted on output, as go-yaml does
              - - nested
                - list
              - !If
                - Cond
                - x
                - y
            """;

        Assert.That(DiffText("a: 1", proposed), Is.EqualTo(Lines(
            """
            + Policies:
            +     - PolicyName: p
            +       PolicyDocument:
            +           Statement:
            +               - Effect: Allow
            +                 Action: ['s3:GetObject']
            +     - - nested
            +       - list
            +     - !If
            +       - Cond
            +       - x
            +       - y
            """)));
    }
}
