using System.Text;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest;
using Copilot.Testing;
using static Copilot.Packaging.Tests.Manifest.ManifestTestKit;

namespace Copilot.Packaging.Tests.Manifest;

public class ManifestYamlReaderTests
{
    [Test]
    public void Syntax_error_names_file_line_and_column()
    {
        var error = Fails("name: job\ntype: Scheduled Job\nimage:\n  location: [a, b\n");

        Assert.That(error.Describe(), Does.StartWith($"{ManifestFile}:"));
        Assert.That(error.Message, Does.StartWith("the manifest is not valid YAML"));
        Assert.That(error.Location!.Line, Is.GreaterThanOrEqualTo(4));
    }

    [Test]
    public void Bad_indentation_is_a_located_syntax_error()
    {
        var error = Fails("name: job\ntype: Scheduled Job\non:\n  schedule: x\n bad: y\n");

        Assert.That(error.Describe(), Does.StartWith($"{ManifestFile}:5:"));
    }

    [Test]
    public void Duplicate_key_is_an_error_that_names_the_first_line()
    {
        var error = Fails("name: job\ntype: Scheduled Job\ncpu: 256\ncpu: 512\n");

        Assert.That(error.Describe(), Is.EqualTo($"{ManifestFile}:4:1: the key \"cpu\" is already defined at line 3"));
    }

    [Test]
    public void Billion_laughs_alias_bomb_fails_fast()
    {
        var yaml = new StringBuilder(Header).Append("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append(Invariant($"a{i}: &a{i} [")).AppendJoin(", ", Enumerable.Repeat(Invariant($"*a{i - 1}"), 10)).Append("]\n");
        }

        CopilotJobException error = null!;
        var cpu = ThreadCpuTime.Measure(() => error = Fails(yaml.ToString()));

        Assert.That(error.Message, Does.Contain("alias bomb"));
        Assert.That(error.Location, Is.Not.Null);
        Assert.That(cpu, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Nesting_200_levels_deep_is_refused_with_a_location()
    {
        var yaml = Header + "taskdef_overrides:\n  - path: X\n    value: " + new string('[', 200) + new string(']', 200) + "\n";

        var error = Fails(yaml);

        Assert.That(error.Message, Does.Contain("more than 64 levels deep"));
        Assert.That(error.Location!.Line, Is.EqualTo(5));
    }

    [Test]
    public void Nesting_by_aliases_counts_toward_the_depth_limit()
    {
        var yaml = new StringBuilder(Header).Append("d0: &d0 [x]\n");
        for (var i = 1; i < 70; i++)
        {
            yaml.Append(Invariant($"d{i}: &d{i} [*d{i - 1}]\n"));
        }

        var error = Fails(yaml.ToString());

        Assert.That(error.Message, Does.Contain("levels deep"));
    }

    [TestCase('[')]
    [TestCase('{')]
    public void A_megabyte_of_open_brackets_fails_fast(char bracket)
    {
        CopilotJobException error = null!;
        var cpu = ThreadCpuTime.Measure(() => error = Fails(Header + "x: " + new string(bracket, 1_000_000)));

        Assert.That(error.Message, Does.Contain("levels deep"));
        Assert.That(cpu, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Many_unknown_keys_are_reported_up_to_a_limit_in_bounded_time()
    {
        var yaml = Header + "image:\n  location: x\n" + string.Concat(Enumerable.Range(0, 40_000).Select(i => Invariant($"unknown{i}: v\n")));
        LoadedManifest loaded = null!;

        var cpu = ThreadCpuTime.Measure(() => loaded = Load(yaml));

        Assert.That(loaded.Warnings, Has.Count.EqualTo(100));
        Assert.That(cpu, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Near_limit_scalar_loads()
    {
        var loaded = Load(Header + "image:\n  location: " + new string('a', 1_000_000) + "\n");

        Assert.That(loaded.Manifest.Image.Location, Has.Length.EqualTo(1_000_000));
    }

    [Test]
    public void Five_MiB_file_is_refused_before_parsing()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "variables:\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => Invariant($"  V{i}: value-{i}\n"))));
        Assert.That(bytes.Length, Is.GreaterThan(4 * 1024 * 1024));

        var fromBytes = Assert.Throws<CopilotJobException>(() => ManifestSource.FromBytes(bytes, ManifestFile));
        var fromText = Assert.Throws<CopilotJobException>(() => ManifestLoader.Load(new ManifestSource(Encoding.UTF8.GetString(bytes), ManifestFile), Options()));

        Assert.That(fromBytes!.Message, Does.Contain("more than the 1048576 bytes allowed"));
        Assert.That(fromText!.Message, Does.Contain("more than the 1048576 bytes allowed"));
    }

    [Test]
    public void Invalid_utf8_reports_the_byte_offset_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes("name: job\ntype: Scheduled Job\nimage:\n  location: ab").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();

        var error = Assert.Throws<CopilotJobException>(() => ManifestSource.FromBytes(bytes, ManifestFile));

        Assert.That(error!.Describe(), Is.EqualTo($"{ManifestFile}:4:15: the manifest is not valid UTF-8: byte 0xC3 at byte offset 51 cannot be decoded"));
    }

    [Test]
    public void Utf8_bytes_with_a_byte_order_mark_load()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Header + "image:\n  location: caf\u00e9\n")).ToArray();

        var loaded = ManifestLoader.Load(ManifestSource.FromBytes(bytes, ManifestFile), Options());

        Assert.That(loaded.Manifest.Image.Location, Is.EqualTo("caf\u00e9"));
    }

    [Test]
    public void Control_characters_in_text_are_located_errors()
    {
        var error = Fails(Header + "image:\n  location: a\u0000b\n");

        Assert.That(error.Describe(), Is.EqualTo($"{ManifestFile}:4:14: the manifest contains the character U+0000, which YAML does not allow"));
    }

    [Test]
    public void Anchors_aliases_and_merge_keys_expand_with_explicit_keys_winning()
    {
        var loaded = Job("""
            x-common: &common
              variables: &vars
                A: one
                B: two
            image:
              location: nginx
            variables:
              <<: *vars
              B: override
              C: three
            """);

        Assert.That(loaded.Manifest.Variables["A"].Value, Is.EqualTo("one"));
        Assert.That(loaded.Manifest.Variables["B"].Value, Is.EqualTo("override"));
        Assert.That(loaded.Manifest.Variables["C"].Value, Is.EqualTo("three"));
        Assert.That(loaded.Manifest.Source.Locate("variables.A").Line, Is.EqualTo(5), "a merged value points where the anchor wrote it");
    }

    [Test]
    public void Merge_key_with_a_list_of_maps_takes_earlier_maps_first()
    {
        var loaded = Job("""
            image:
              location: nginx
            a: &a {X: from-a}
            b: &b {X: from-b, Y: from-b}
            variables:
              <<: [*a, *b]
            """);

        Assert.That(loaded.Manifest.Variables["X"].Value, Is.EqualTo("from-a"));
        Assert.That(loaded.Manifest.Variables["Y"].Value, Is.EqualTo("from-b"));
    }

    [Test]
    public void Undefined_alias_is_a_located_error()
    {
        var error = Fails(Header + "image:\n  location: *nope\n");

        Assert.That(error.Describe(), Does.StartWith($"{ManifestFile}:4:13:"));
    }

    [Test]
    public void A_second_document_is_ignored_with_a_warning()
    {
        var loaded = Load(Header + "image:\n  location: nginx\n---\nname: other\n");

        Assert.That(loaded.Manifest.Name, Is.EqualTo("job"));
        Assert.That(loaded.Warnings.Single().ToString(), Does.Contain("more than one YAML document"));
    }

    [Test]
    public void Empty_manifest_is_an_error()
    {
        var error = Fails("# only a comment\n");

        Assert.That(error.Describe(), Does.StartWith($"{ManifestFile}:1:1: the manifest is empty"));
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
