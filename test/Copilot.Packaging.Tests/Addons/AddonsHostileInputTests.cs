using System.Text;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Tests.Addons;

public sealed class AddonsHostileInputTests
{
    private AddonsTestFiles _files = null!;

    [SetUp]
    public void SetUp() => _files = new AddonsTestFiles();

    [TearDown]
    public void TearDown() => _files.Dispose();

    [Test]
    public void Invalid_yaml_is_a_located_error()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters + "Resources:\n  A: [unclosed\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Does.StartWith("\"copilot/mailer/addons/template.yml\" is not valid YAML"));
        Assert.That(ex.Location!.File, Is.EqualTo("copilot/mailer/addons/template.yml"));
        Assert.That(ex.Location.Line, Is.GreaterThanOrEqualTo(9));
    }

    [Test]
    public void Duplicate_keys_are_a_located_error()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters + "Resources:\n  A:\n    Type: x\n  A:\n    Type: y\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Location!.File, Is.EqualTo("copilot/mailer/addons/template.yml"));
    }

    [Test]
    public void An_alias_bomb_is_refused_at_the_alias_that_goes_over_the_limit()
    {
        var bomb = new StringBuilder(AddonsTestFiles.ReservedParameters).Append("Metadata:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append($"  l{i}: &l{i} [").Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))).Append("]\n");
        }

        _files.Write("bomb.yml", bomb.ToString());

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Does.Contain("expands to more than"));
        Assert.That(ex.Location!.File, Is.EqualTo("copilot/mailer/addons/bomb.yml"));
        Assert.That(ex.Location.Line, Is.InRange(9, 18));
    }

    [Test]
    public void Small_aliases_are_expanded()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters + "Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties: &props\n      TopicName: t\n  B:\n    Type: AWS::SNS::Topic\n    Properties: *props\n");

        Assert.That(_files.ReadRequired().Text, Does.Contain("  B:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: t\n"));
    }

    [Test]
    public void Deep_nesting_is_refused()
    {
        _files.Write("deep.yml", AddonsTestFiles.ReservedParameters + "Metadata:\n  X: " + new string('[', 5000) + new string(']', 5000) + "\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Does.Contain("levels deep"));
        Assert.That(ex.Location!.Line, Is.EqualTo(9));
    }

    [TestCase("just a string\n")]
    [TestCase("- a\n- b\n")]
    public void A_template_that_is_not_a_map_is_a_located_error(string content)
    {
        _files.Write("template.yml", content);

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Does.StartWith("unmarshal addon template.yml under path copilot/mailer/addons"));
        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("copilot/mailer/addons/template.yml", 1, 1)));
    }

    [Test]
    public void Non_string_keys_are_a_located_error()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters + "Resources:\n  ? [a, b]\n  : x\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("copilot/mailer/addons/template.yml", 9, 5)));
    }
}
