using Copilot.Packaging.Diff;
using static Copilot.Packaging.Tests.Diff.DiffTestSupport;

namespace Copilot.Packaging.Tests.Diff;

/// <summary>Beyond copilot: a changed multi-line string is diffed line by line inside the value.</summary>
public class LineDiffTests
{
    private const string Definition = """
        {
          "Version": "1.0",
          "Comment": "Run AWS Fargate task",
          "TimeoutSeconds": 3600,
          "StartAt": "Run Fargate Task",
          "States": {
            "Run Fargate Task": {
              "Type": "Task",
              "Resource": "arn:aws:states:::ecs:runTask.sync",
              "Retry": [
                {
                  "ErrorEquals": ["States.ALL"],
                  "MaxAttempts": 3
                }
              ],
              "End": true
            }
          }
        }
        """;

    private static string Template(string definition) =>
        "Resources:\n  StateMachine:\n    Properties:\n      DefinitionString: |-\n"
        + string.Join('\n', definition.Split('\n').Select(line => "        " + line)) + "\n";

    [Test]
    public void A_changed_definition_string_shows_changed_lines_with_context_and_counts_the_rest()
    {
        var changed = Definition.Replace("3600", "7200", StringComparison.Ordinal).Replace("\"MaxAttempts\": 3", "\"MaxAttempts\": 5", StringComparison.Ordinal);

        var text = DiffText(Template(Definition), Template(changed));

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ Resources/StateMachine/Properties:
                ~ DefinitionString:
                      {
                        "Version": "1.0",
                        "Comment": "Run AWS Fargate task",
                    -   "TimeoutSeconds": 3600,
                    +   "TimeoutSeconds": 7200,
                        "StartAt": "Run Fargate Task",
                        "States": {
                          "Run Fargate Task": {
                    (2 unchanged lines)
                            "Retry": [
                              {
                                "ErrorEquals": ["States.ALL"],
                    -           "MaxAttempts": 3
                    +           "MaxAttempts": 5
                              }
                            ],
                            "End": true
                    (3 unchanged lines)
            """)));
    }

    [Test]
    public void The_number_of_context_lines_is_an_option()
    {
        var changed = Definition.Replace("3600", "7200", StringComparison.Ordinal);

        var text = DiffTextWriter.Write(Tree(Template(Definition), Template(changed)), new DiffWriteOptions { ContextLines = 1 });

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ Resources/StateMachine/Properties:
                ~ DefinitionString:
                    (2 unchanged lines)
                        "Comment": "Run AWS Fargate task",
                    -   "TimeoutSeconds": 3600,
                    +   "TimeoutSeconds": 7200,
                        "StartAt": "Run Fargate Task",
                    (14 unchanged lines)
            """)));
    }

    [Test]
    public void Added_and_removed_lines_at_the_ends_are_shown()
    {
        var text = DiffText("Script: |\n  echo one\n  echo two\n", "Script: |\n  echo zero\n  echo one\n  echo two\n  echo three\n");

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ Script:
                + echo zero
                  echo one
                  echo two
                + echo three
            """)));
    }

    [Test]
    public void A_changed_multi_line_list_item_is_diffed_under_a_changed_text_header()
    {
        var text = DiffText("Commands:\n  - ls\n  - |\n    a\n    b\n", "Commands:\n  - ls\n  - |\n    a\n    c\n");

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ Commands:
                (1 unchanged item)
                ~ - (changed text)
                    a
                  - b
                  + c
            """)));
    }

    [Test]
    public void A_single_line_value_keeps_the_old_to_new_form()
    {
        Assert.That(DiffText("Cmd: a", "Cmd: b"), Is.EqualTo("~ Cmd: a -> b\n"));
    }

    [Test]
    public void A_value_that_only_lost_its_final_line_break_keeps_the_old_to_new_form()
    {
        Assert.That(DiffText("Cmd: |\n  a\n  b\n", "Cmd: |-\n  a\n  b\n"), Is.EqualTo(Lines(
            """
            ~ Cmd: |
            ~     a
            ~     b -> |-
            ~     a
            ~     b
            """)));
    }

    [Test]
    public void A_line_that_only_gained_trailing_spaces_keeps_them_in_the_output()
    {
        var text = DiffText("S: |-\n  a\n  }\n", "S: \"a\\n}   \"");

        Assert.That(text, Is.EqualTo("~ S:\n      a\n    - }\n    + }   \n"));
    }
}
