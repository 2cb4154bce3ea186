using Copilot.Packaging.Aws;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Tests.Errors;

/// <summary>Issue 13 (10): echoed values are capped and their control characters escaped.</summary>
public sealed class DisplayTests
{
    [Test]
    public void A_900_kb_value_is_cut_to_200_characters_with_an_ellipsis_and_its_length()
    {
        var value = new string('v', 900 * 1024);

        var shown = Display.Value(value);

        Assert.That(shown, Is.EqualTo(new string('v', 200) + $"… ({900 * 1024} characters in all)"));
    }

    [TestCase("\u001b[2J\u001b]0;title\u0007", "\\u001b[2J\\u001b]0;title\\u0007")]
    [TestCase("a\rb\nc\td", "a\\rb\\nc\\td")]
    [TestCase("x\u0085y\u2028z\u2029", "x\\u0085y\\u2028z\\u2029")]
    [TestCase("\u202eevil\u202c", "\\u202eevil\\u202c")]
    [TestCase("plain: value é ✓", "plain: value é ✓")]
    public void Control_characters_are_escaped(string value, string expected) =>
        Assert.That(Display.Value(value), Is.EqualTo(expected));

    [Test]
    public void A_message_keeps_its_lines_and_caps_each()
    {
        var message = "first \u001b[31m\n" + new string('m', 30_000);

        var shown = Display.Message(message);

        var lines = shown.Split('\n');
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Is.EqualTo("first \\u001b[31m"));
        Assert.That(lines[1], Does.EndWith("… (30000 characters in all)"));
        Assert.That(lines[1], Has.Length.LessThan(Display.MaxMessageLength + 40));
    }

    [Test]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var value = new string('a', 199) + "😀" + "tail";

        Assert.That(Display.Value(value), Does.StartWith(new string('a', 199) + "…"));
    }

    [Test]
    public void An_aws_error_with_a_20_mib_body_keeps_200_characters_of_it()
    {
        var error = new AwsServiceException("SSM", "GetParameter", "ValidationException", new string('y', 20 * 1024 * 1024), System.Net.HttpStatusCode.BadRequest);

        Assert.That(error.ServiceMessage, Has.Length.LessThan(260));
        Assert.That(error.Message, Has.Length.LessThan(320));
        Assert.That(error.Message, Does.EndWith($"({20 * 1024 * 1024} characters in all)"));
    }
}
