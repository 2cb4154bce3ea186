using Copilot.Packaging.Diff;
using static Copilot.Packaging.Tests.Diff.DiffTestSupport;

namespace Copilot.Packaging.Tests.Diff;

/// <summary>The spec's §9.9 vectors T-DIFF-01..13: exact text for copilot's diff format.</summary>
public class DiffWriteVectorTests
{
    [Test]
    public void T_DIFF_01_an_added_map_is_written_as_yaml_under_its_changed_parent()
    {
        var text = DiffText(
            """
            Mary:
              Height:
                cm: 168
            """,
            """
            Mary:
              Height:
                cm: 168
              Weight:
                kg: 52
            """);

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ Mary:
                + Weight:
                +     kg: 52
            """)));
    }

    [Test]
    public void A_removed_map_is_written_with_minus_prefixes()
    {
        var text = DiffText(
            """
            Mary:
              Height:
                cm: 168
              Weight:
                kg: 52
            """,
            """
            Mary:
              Height:
                cm: 168
            """);

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ Mary:
                - Weight:
                -     kg: 52
            """)));
    }

    [Test]
    public void T_DIFF_02_keys_with_a_single_changed_child_are_collapsed_into_a_path()
    {
        var text = DiffText(
            """
            Mary:
              Height:
                cm:
                  truly:
                    really: 190
                inch:
                  really: 6
            """,
            """
            Mary:
              Height:
                cm:
                  truly:
                    really: 168
                inch:
                  really: 5.2
            """);

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ Mary/Height:
                ~ cm/truly:
                    ~ really: 190 -> 168
                ~ inch:
                    ~ really: 6 -> 5.2
            """)));
    }

    [Test]
    public void T_DIFF_03_an_inserted_list_item_sits_between_counts_of_unchanged_items()
    {
        var text = DiffText("DanceCompetition: [dog,bear,cat]", "DanceCompetition: [dog,bear,mouse,cat]");

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ DanceCompetition:
                (2 unchanged items)
                + - mouse
                (1 unchanged item)
            """)));
    }

    [Test]
    public void T_DIFF_04_a_deleted_list_item_is_written_with_a_minus_prefix()
    {
        var text = DiffText("PotatoChipCommittee: [dog,bear,cat,mouse]", "PotatoChipCommittee: [dog,bear,mouse]");

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ PotatoChipCommittee:
                (2 unchanged items)
                - - cat
                (1 unchanged item)
            """)));
    }

    [Test]
    public void T_DIFF_05_a_changed_scalar_item_is_written_old_to_new()
    {
        var text = DiffText("DogsFavoriteShape: [triangle,circle,rectangle]", "DogsFavoriteShape: [triangle,ellipse,rectangle]");

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ DogsFavoriteShape:
                (1 unchanged item)
                ~ - circle -> ellipse
                (1 unchanged item)
            """)));
    }

    [Test]
    public void T_DIFF_06_insertion_deletion_and_modification_in_one_list()
    {
        var text = DiffText(
            "DogsFavoriteShape: [irregular,triangle,circle,rectangle]",
            "DogsFavoriteShape: [triangle,ellipse,rectangle,food-shape]");

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ DogsFavoriteShape:
                - - irregular
                (1 unchanged item)
                ~ - circle -> ellipse
                (1 unchanged item)
                + - food-shape
            """)));
    }

    [Test]
    public void T_DIFF_07_a_map_that_became_a_scalar_is_a_removal_then_an_addition()
    {
        var text = DiffText(
            """
            Mary:
              Dialogue:
                Bear: "I know I'm supposed to keep an eye on you"
            """,
            """
            Mary:
              Dialogue: "Said bear: 'I know I'm supposed to keep an eye on you"
            """);

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ Mary:
                - Dialogue:
                -     Bear: "I know I'm supposed to keep an eye on you"
                + Dialogue: "Said bear: 'I know I'm supposed to keep an eye on you"
            """)));
    }

    [Test]
    public void A_list_of_maps_that_became_a_scalar_is_written_with_compact_item_indentation()
    {
        var text = DiffText(
            """
            Mary:
              Dialogue:
                - Bear: "I know I'm supposed to keep an eye on you"
                  Tone: disappointed
                - Dog: "ikr"
                  Tone: pleased
            """,
            """
            Mary:
              Dialogue: "Said bear: 'I know I'm supposed to keep an eye on you; Said Dog: 'ikr'"
            """);

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ Mary:
                - Dialogue:
                -     - Bear: "I know I'm supposed to keep an eye on you"
                -       Tone: disappointed
                -     - Dog: "ikr"
                -       Tone: pleased
                + Dialogue: "Said bear: 'I know I'm supposed to keep an eye on you; Said Dog: 'ikr'"
            """)));
    }

    [Test]
    public void A_map_that_became_a_list_is_a_removal_then_an_addition()
    {
        var text = DiffText(
            """
            Mary:
              Dialogue:
                Bear: (disappointed) "I know I'm supposed to keep an eye on you"
                Dog: (pleased) "ikr"
            """,
            """
            Mary:
              Dialogue:
                - Bear: "I know I'm supposed to keep an eye on you"
                  Tone: disappointed
                - Dog: "ikr"
                  Tone: pleased
            """);

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ Mary:
                - Dialogue:
                -     Bear: (disappointed) "I know I'm supposed to keep an eye on you"
                -     Dog: (pleased) "ikr"
                + Dialogue:
                +     - Bear: "I know I'm supposed to keep an eye on you"
                +       Tone: disappointed
                +     - Dog: "ikr"
                +       Tone: pleased
            """)));
    }

    [Test]
    public void T_DIFF_08_an_empty_deployed_document_makes_the_whole_new_document_added()
    {
        Assert.That(DiffText("   ", "Mary: likes animals"), Is.EqualTo("+ Mary: likes animals\n"));
    }

    [Test]
    public void T_DIFF_09_an_empty_proposed_document_makes_the_whole_old_document_removed()
    {
        Assert.That(DiffText("Mary: likes animals", "           "), Is.EqualTo("- Mary: likes animals\n"));
    }

    [TestCase("  ", "           ")]
    [TestCase("Alphabet: [a,b,c,d]", "Alphabet: [a,b,c,d]")]
    [TestCase("Mary:\n  Height:\n    cm: 190\n  CanFight: yes\n  FavoriteWord: muscle", "Mary:\n  Height:\n    cm: 190\n  CanFight: yes\n  FavoriteWord: muscle")]
    public void T_DIFF_10_no_difference_writes_nothing_and_the_stack_diff_says_no_changes(string deployed, string proposed)
    {
        var tree = Tree(deployed, proposed);

        Assert.That(tree.HasChanges, Is.False);
        Assert.That(DiffTextWriter.Write(tree), Is.Empty);
        Assert.That(new StackDiff(tree).ToText(), Is.EqualTo("No changes.\n"));
        Assert.That(new StackDiff(tree).HasChanges, Is.False);
    }

    [Test]
    public void T_DIFF_11_changed_items_in_a_list_of_maps_show_their_own_changes_two_columns_in()
    {
        var text = DiffText(
            """
            StrawberryPopularitySurvey:
              - Name: Dog
                LikeStrawberry: ver much
              - Name: Bear
                LikeStrawberry: meh
                Reason(s):
                   - Not sweet enough
                   - Juicy though
                   - IsHoney:
                       IsIt: no
              - Name: Cat
                LikeStrawberry: ew
            """,
            """
            StrawberryPopularitySurvey:
              - Name: Dog
                LikeStrawberry: ver much
              - Name: Bear
                LikeStrawberry: ok
                ChangeOfMind: yeah
                Reason(s):
                  - Not sweet enough but acceptable now
                  - Juicy though
                  - IsHoney:
                      IsIt: no, but it's fine
              - Name: Cat
                LikeStrawberry: ew
            """);

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ StrawberryPopularitySurvey:
                (1 unchanged item)
                ~ - (changed item)
                  + ChangeOfMind: yeah
                  ~ LikeStrawberry: meh -> ok
                  ~ Reason(s):
                      ~ - Not sweet enough -> Not sweet enough but acceptable now
                      (1 unchanged item)
                      ~ - (changed item)
                        ~ IsHoney:
                            ~ IsIt: no -> no, but it's fine
                (1 unchanged item)
            """)));
    }

    [Test]
    public void Paths_collapse_inside_a_changed_list_item_too()
    {
        var text = DiffText(
            """
            StrawberryPopularitySurvey:
              - Name: Dog
                LikeStrawberry: ver much
              - Name: Bear
                LikeStrawberry:
                  Flavor: meh
                  Texture:
                    UnderRoomTemperature: acceptable
                    Frozen: too hard
              - Name: Cat
                LikeStrawberry: ew
            """,
            """
            StrawberryPopularitySurvey:
              - Name: Dog
                LikeStrawberry: ver much
              - Name: Bear
                LikeStrawberry:
                  Flavor: meh
                  Texture:
                    UnderRoomTemperature: noice
                    Frozen: too hard
                ChangeOfMind: yeah
              - Name: Cat
                LikeStrawberry: ew
            """);

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ StrawberryPopularitySurvey:
                (1 unchanged item)
                ~ - (changed item)
                  + ChangeOfMind: yeah
                  ~ LikeStrawberry/Texture:
                      ~ UnderRoomTemperature: acceptable -> noice
                (1 unchanged item)
            """)));
    }

    [Test]
    public void T_DIFF_12_the_manifest_text_in_the_top_level_metadata_is_ignored()
    {
        var text = DiffText(
            """
            Description: CloudFormation environment template for infrastructure shared among Copilot workloads.
            Metadata:
              Version: v1.26.0
              Manifest: I don't see any difference.
            """,
            """
            Description: CloudFormation environment template for infrastructure shared among Copilot workloads.
            Metadata:
              Version: v1.27.0
              Manifest: There is definitely a difference.
            """);

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ Metadata:
                ~ Version: v1.26.0 -> v1.27.0
            """)));
    }

    [Test]
    public void T_DIFF_12_a_changed_manifest_alone_is_no_change()
    {
        var tree = Tree(
            "Description: x\nMetadata:\n  Manifest: I don't see any difference.",
            "Description: x\nMetadata:\n  Manifest: There is definitely a difference.");

        Assert.That(tree.HasChanges, Is.False);
    }

    [Test]
    public void T_DIFF_13_cloudformation_template_changes_keep_tags_and_flow_style()
    {
        var text = DiffText(
            """
            Conditions:
              IsDefaultRootPath: !Equals [!Ref RulePath, "/"]
            Resources:
              HTTPRuleWithDomainPriorityAction:
                Properties:
                  RulePath: !Ref RulePath
              Service:
                Properties:
                  ServiceRegistries:
                    - Port: !Ref ContainerPort
              TargetGroup:
                Properties:
                  Port: !Ref ContainerPort
            """,
            """
            Conditions:
              IsGovCloud: !Equals [!Ref "AWS::Partition", "aws-us-gov"]
            Resources:
              HTTPRuleWithDomainPriorityAction:
                Properties:
                  RulePath: ["/"]
              Service:
                Properties:
                  ServiceConnectConfiguration: !If
                    - IsGovCloud
                    - !Ref AWS::NoValue
                    - Enabled: False
                  ServiceRegistries:
                    - Port: !Ref TargetPort
              TargetGroup:
                Properties:
                  Port: 80
            """);

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ Conditions:
                - IsDefaultRootPath: !Equals [!Ref RulePath, "/"]
                + IsGovCloud: !Equals [!Ref "AWS::Partition", "aws-us-gov"]
            ~ Resources:
                ~ HTTPRuleWithDomainPriorityAction/Properties:
                    - RulePath: !Ref RulePath
                    + RulePath: ["/"]
                ~ Service/Properties:
                    + ServiceConnectConfiguration: !If
                    +     - IsGovCloud
                    +     - !Ref AWS::NoValue
                    +     - Enabled: False
                    ~ ServiceRegistries:
                        ~ - (changed item)
                          ~ Port: !Ref ContainerPort -> !Ref TargetPort
                ~ TargetGroup/Properties:
                    ~ Port: !Ref ContainerPort -> 80
            """)));
    }
}
