using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Tests.Overrides;

public sealed class YamlPatchTests
{
    private const string Abcd = "a:\n  b:\n    - c\n    - d\n";

    private OverridesTestFiles _files = null!;

    [SetUp]
    public void SetUp() => _files = new OverridesTestFiles();

    [TearDown]
    public void TearDown() => _files.Dispose();

    [Test]
    public void T_PAT_01_replace_through_a_missing_map_key()
    {
        _files.Patches("- op: replace\n  path: /a/e/c\n  value: x\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Apply(Abcd))!;

        Assert.That(ex.Message, Is.EqualTo("unable to apply the \"replace\" patch at index 0: key \"/a\": \"e\" not found in map"));
        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("copilot/mailer/overrides/cfn.patches.yml", 2, 9)));
        Assert.That(ex.Recommendation, Is.EqualTo("The map at \"/a\" has the keys: b."));
    }

    [Test]
    public void T_PAT_02_add_past_the_end_of_a_sequence()
    {
        _files.Patches("- op: add\n  path: /a/b/3\n  value: x\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Apply(Abcd))!;

        Assert.That(ex.Message, Is.EqualTo("unable to apply the \"add\" patch at index 0: key \"/a/b\": index 3 out of bounds for sequence of length 2"));
    }

    [Test]
    public void Remove_and_replace_report_the_largest_allowed_index_as_the_length()
    {
        _files.Patches("- op: remove\n  path: /a/b/2\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Apply(Abcd))!;

        Assert.That(ex.Message, Is.EqualTo("unable to apply the \"remove\" patch at index 0: key \"/a/b\": index 2 out of bounds for sequence of length 1"));
    }

    [Test]
    public void T_PAT_03_add_with_a_non_index_key_in_a_sequence()
    {
        _files.Patches("- op: add\n  path: /a/b/e\n  value: x\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Apply(Abcd))!;

        Assert.That(ex.Message, Is.EqualTo("unable to apply the \"add\" patch at index 0: key \"/a/b\": expected index in sequence, got \"e\""));
    }

    [Test]
    public void T_PAT_04_append_marker_in_the_middle_of_a_path()
    {
        _files.Patches("- op: add\n  path: /a/b/-/key\n  value: x\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Apply(Abcd))!;

        Assert.That(ex.Message, Is.EqualTo("unable to apply the \"add\" patch at index 0: key \"/a/b\": expected index in sequence, got \"-\""));
    }

    [TestCase("add")]
    [TestCase("remove")]
    [TestCase("replace")]
    public void T_PAT_05_keys_below_a_scalar(string op)
    {
        _files.Patches($"- op: {op}\n  path: /a/b/1/e\n  value: x\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Apply(Abcd))!;

        Assert.That(ex.Message, Is.EqualTo($"unable to apply the \"{op}\" patch at index 0: key \"/a/b/1\": invalid node type scalar"));
    }

    [TestCase("add")]
    [TestCase("replace")]
    public void T_PAT_06_add_and_replace_need_a_value(string op)
    {
        _files.Patches($"- op: {op}\n  path: /a/b/0\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Apply(Abcd))!;

        Assert.That(ex.Message, Is.EqualTo($"unable to apply the \"{op}\" patch at index 0: value required"));
    }

    [Test]
    public void T_PAT_07_remove_of_a_missing_key_as_the_second_patch()
    {
        _files.Patches("- op: add\n  path: /a/z\n  value: 1\n- op: remove\n  path: /a/c\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Apply(Abcd))!;

        Assert.That(ex.Message, Is.EqualTo("unable to apply the \"remove\" patch at index 1: key \"/a\": \"c\" not found in map"));
        Assert.That(ex.Location!.Line, Is.EqualTo(5));
    }

    [Test]
    public void T_PAT_08_unsupported_operation_is_refused_when_loading()
    {
        _files.Patches("- op: unsupported\n  path: /a\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Load())!;

        Assert.That(ex.Message, Is.EqualTo("unsupported operation \"unsupported\": supported operations are \"add\", \"remove\", and \"replace\"."));
        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("copilot/mailer/overrides/cfn.patches.yml", 1, 7)));
    }

    [Test]
    public void T_PAT_09_replace_then_description_gets_the_yaml_patches_suffix()
    {
        _files.Patches("- op: replace\n  path: /Resources/key\n  value: other\n");

        var result = _files.Apply("Description: \"CloudFormation template that represents a backend service on Amazon ECS.\"\nResources:\n  key: value\n");

        Assert.That(result, Is.EqualTo("Description: \"CloudFormation template that represents a backend service on Amazon ECS using AWS Copilot with YAML patches.\"\nResources:\n  key: other\n"));
    }

    [Test]
    public void An_empty_patch_file_still_rewrites_the_description()
    {
        _files.Patches(string.Empty);

        var result = _files.Apply("Description: CloudFormation template that represents a scheduled job on Amazon ECS.\n");

        Assert.That(result, Is.EqualTo("Description: CloudFormation template that represents a scheduled job on Amazon ECS using AWS Copilot with YAML patches.\n"));
    }

    [Test]
    public void Add_on_an_existing_key_replaces_its_value_in_place_after_earlier_patches()
    {
        _files.Patches("""
            - op: add
              path: /a/x
              value: new
            - op: add
              path: /a/b/0
              value: first
            - op: add
              path: /a/b/3
              value: last
            - op: add
              path: /a/b/-
              value: appended
            - op: add
              path: /a
              value: {b: replaced}
            """);

        var result = _files.Apply("a:\n  b: [c, d]\nz: 1\n");

        Assert.That(result, Is.EqualTo("a: {b: replaced}\nz: 1\n"));
    }

    [Test]
    public void Add_into_sequences_inserts_before_the_index_and_appends_with_dash()
    {
        _files.Patches("""
            - op: add
              path: /a/b/0
              value: first
            - op: add
              path: /a/b/3
              value: last
            - op: add
              path: /a/b/-
              value: appended
            - op: add
              path: /a/x
              value: new
            """);

        var result = _files.Apply(Abcd);

        Assert.That(result, Is.EqualTo("a:\n  b:\n    - first\n    - c\n    - d\n    - last\n    - appended\n  x: new\n"));
    }

    [Test]
    public void Remove_deletes_map_keys_and_sequence_items()
    {
        _files.Patches("- op: remove\n  path: /a/b/0\n- op: remove\n  path: /z\n");

        var result = _files.Apply(Abcd + "z: 1\n");

        Assert.That(result, Is.EqualTo("a:\n  b:\n    - d\n"));
    }

    [Test]
    public void Values_keep_their_intrinsic_function_tags()
    {
        _files.Patches("""
            - op: add
              path: /Resources/TaskDefinition/Properties/ContainerDefinitions/0/Environment/-
              value:
                Name: BUCKET
                Value: !Sub '${AppName}-${EnvName}-bucket'
            - op: replace
              path: /Resources/TaskDefinition/Properties/Cpu
              value: !Ref TaskCPU
            """);

        var result = _files.Apply("""
            Resources:
              TaskDefinition:
                Properties:
                  Cpu: 256
                  ContainerDefinitions:
                    - Name: main
                      Environment: []
            """);

        Assert.That(result, Does.Contain("Cpu: !Ref TaskCPU\n"));
        Assert.That(result, Does.Contain("- Name: BUCKET\n              Value: !Sub '${AppName}-${EnvName}-bucket'\n"));
    }

    [Test]
    public void Escaped_pointer_segments_address_keys_with_slashes_and_tildes()
    {
        _files.Patches("""
            - op: replace
              path: /Tags/team~1owner
              value: ops
            - op: add
              path: /Tags/a~0b~01
              value: tilde
            - op: replace
              path: /Tags/AWS::Key.with.dots
              value: dotted
            """);

        var result = _files.Apply("Tags:\n  team/owner: dev\n  AWS::Key.with.dots: x\n");

        Assert.That(result, Is.EqualTo("Tags:\n  team/owner: ops\n  AWS::Key.with.dots: dotted\n  a~b~1: tilde\n"));
    }

    [Test]
    public void Not_found_errors_show_the_pointer_escaped()
    {
        _files.Patches("- op: remove\n  path: /team~1x/y\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Apply("team/x:\n  z: 1\n"))!;

        Assert.That(ex.Message, Is.EqualTo("unable to apply the \"remove\" patch at index 0: key \"/team~1x\": \"y\" not found in map"));
    }

    [Test]
    public void Applying_twice_to_different_templates_does_not_share_value_nodes()
    {
        _files.Patches("- op: add\n  path: /Tags\n  value: {k: v}\n");
        var overrides = _files.Load()!;
        var first = OverridesTestFiles.Template("x: 1\n");
        var second = OverridesTestFiles.Template("x: 2\n");

        overrides.Apply(first);
        overrides.Apply(second);

        Assert.That(first["Tags"], Is.Not.SameAs(second["Tags"]));
        Assert.That(first["Tags"]["k"].ToString(), Is.EqualTo("v"));
    }

    [Test]
    public void Adding_at_the_empty_pointer_replaces_the_whole_template()
    {
        _files.Patches("- op: add\n  path: ''\n  value:\n    Resources: {}\n    Description: New.\n");

        var result = _files.Apply("Description: Old.\nResources:\n  A: 1\n");

        Assert.That(result, Is.EqualTo("Resources: {}\nDescription: New using AWS Copilot with YAML patches.\n"));
    }

    [Test]
    public void A_path_without_a_leading_slash_is_a_schema_error()
    {
        _files.Patches("- op: add\n  path: Resources/X\n  value: 1\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Load())!;

        Assert.That(ex.Message, Does.StartWith("file at \"copilot/mailer/overrides/cfn.patches.yml\" does not conform to the YAML patch document schema: "));
        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("copilot/mailer/overrides/cfn.patches.yml", 2, 9)));
    }

    [TestCase("op: add\n", 1, 1)]
    [TestCase("- just a string\n", 1, 3)]
    [TestCase("- op: [add]\n  path: /a\n", 1, 7)]
    [TestCase("- op: add\n  value: 1\n", 1, 3)]
    public void Patch_files_that_do_not_follow_the_schema_are_located_errors(string content, int line, int column)
    {
        _files.Patches(content);

        var ex = Assert.Throws<CopilotJobException>(() => _files.Load())!;

        Assert.That(ex.Message, Does.StartWith("file at \"copilot/mailer/overrides/cfn.patches.yml\" does not conform to the YAML patch document schema: "));
        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("copilot/mailer/overrides/cfn.patches.yml", line, column)));
    }

    [Test]
    public void Invalid_yaml_in_the_patch_file_is_a_located_error()
    {
        _files.Patches("- op: add\n  path: /a\n  value: [oops\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Load())!;

        Assert.That(ex.Message, Does.StartWith("\"copilot/mailer/overrides/cfn.patches.yml\" is not valid YAML"));
        Assert.That(ex.Location!.File, Is.EqualTo("copilot/mailer/overrides/cfn.patches.yml"));
    }

    [Test]
    public void An_alias_bomb_in_the_patch_file_is_refused()
    {
        var lines = new List<string> { "- op: add", "  path: /x", "  value:", "    l0: &l0 [a, a, a, a, a, a, a, a, a, a]" };
        for (var i = 1; i <= 9; i++)
        {
            lines.Add($"    l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]");
        }

        _files.Patches(string.Join("\n", lines) + "\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Load())!;

        Assert.That(ex.Message, Does.Contain("expands to more than"));
        Assert.That(ex.Location!.File, Is.EqualTo("copilot/mailer/overrides/cfn.patches.yml"));
    }
}
