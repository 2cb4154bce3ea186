using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Copilot.Packaging.Yaml;
using Copilot.Testing;
using FsCheck;
using FsCheck.Fluent;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Tests.Yaml;

/// <summary>
/// Issue 13 (9): every string scalar the emitter writes reads back as the same string through a YAML 1.2-ish reader
/// (YamlDotNet) and a YAML 1.1 reader (PyYAML's safe loader, which cfn-lint builds on), whatever its style, and
/// cfn-lint parses a template holding such values. Strings are random mixes of every Unicode line break, YAML
/// indicators, <c>&lt;&lt;</c>, <c>=</c>, <c>~</c>, null/boolean/number/date spellings, blanks, tabs, <c>#</c> and <c>: </c>.
/// </summary>
[Category(TestCategories.Process)]
[Category(TestCategories.CfnLint)]
[Category(TestCategories.Slow)]
public sealed class ScalarRoundTripPropertyTests
{
    private static readonly string[] Pieces =
    [
        "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\t", " ", "  ", "#", " #", ": ", ":", "-", "- ", "?", "? ", ",", "[", "]", "{", "}",
        "&a", "*a", "!", "!Ref ", "|", ">", "'", "\"", "%", "@", "`", "<<", "=", "~", "null", "Null", "NULL", "yes", "no", "Yes", "NO", "on", "off",
        "y", "n", "true", "False", "0x1F", "0o17", "017", "0b101", "1e3", "-1.5", "1_000", "12:30", "190:20:30", "2024-01-02", "2001-12-14t21:59:43.10-05:00",
        ".inf", "-.Inf", ".nan", "a", "b", "word", "é", "😀", "\\", "\\n", "\u001b[31m", "\u0007", "\uFEFF", "\u00a0", "\u200b", "...", "---", "${Var}",
    ];

    /// <summary>The styles values are written in: the builder's choice (<see cref="Cfn.Str"/>) and each explicit string style.</summary>
    private static readonly Func<string, YamlScalarNode>[] Builders = [Cfn.Str, Cfn.Single, Cfn.Double, Cfn.Literal, Cfn.Sub];

    [FsCheck.NUnit.Property(MaxTest = 12)]
    public Property Every_string_scalar_reads_back_equal_in_yaml_1_1_and_1_2() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Value(), 40)), values =>
        {
            var problems = RoundTripProblems(values);
            return problems.Count == 0 ? true.ToProperty() : false.Label(string.Join("\n", problems));
        });

    [Test]
    public void The_values_of_the_issue_round_trip() =>
        Assert.That(RoundTripProblems(["=", "<<", "a\u0085b", "a\rb", "\r", "x\r\ny", "~", "<< x", "= x", " lead", "trail ", "\ttab"]), Is.Empty);

    /// <summary>Found by the property above: blanks beside a line break were folded away in flow styles.</summary>
    [Test]
    public void Blanks_beside_line_breaks_round_trip() =>
        Assert.That(RoundTripProblems(["\t\n", " \n", "\n ", "a\t\nb", "a\n\tb", "a \n b", "x\n\n \n"]), Is.Empty);

    [Test]
    public void Cfn_lint_parses_a_template_holding_a_corpus_of_such_values()
    {
        var corpus = Pieces.Concat(Pieces.Select(p => "x" + p + "y")).Concat(Pieces.Select(p => p + p)).Distinct().ToList();
        var metadata = new YamlMappingNode();
        for (var i = 0; i < corpus.Count; i++)
        {
            metadata.Add(Cfn.Key($"V{i}"), Cfn.Str(corpus[i]));
            metadata.Add(Cfn.Key($"S{i}"), Cfn.Sub(corpus[i].Replace("$", string.Empty, StringComparison.Ordinal)));
        }

        var template = Cfn.Map(
            ("AWSTemplateFormatVersion", Cfn.Plain("2010-09-09")),
            ("Metadata", Cfn.Map(("Corpus", metadata))),
            ("Resources", Cfn.Map(("Handle", Cfn.Map(("Type", Cfn.Str("AWS::CloudFormation::WaitConditionHandle")))))));
        var file = Path.Combine(Path.GetTempPath(), $"copilot-job-corpus-{Guid.NewGuid():N}.yml");
        File.WriteAllText(file, YamlTextWriter.Write(template));
        try
        {
            var findings = CfnLint.Run([file]);

            Assert.That(findings.Where(f => f.IsError).Select(f => f.ToString()), Is.Empty);
            Assert.That(RoundTripProblems(corpus), Is.Empty);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Gen<string> Value() =>
        Gen.Frequency(
            (1, Gen.Elements(Pieces)),
            (4, from count in Gen.Choose(1, 6)
                from parts in Gen.ArrayOf(Gen.Elements(Pieces), count)
                select string.Concat(parts)));

    /// <summary>Writes each value in every style and reads the document back with YamlDotNet and PyYAML.</summary>
    private static List<string> RoundTripProblems(IReadOnlyList<string> values)
    {
        var root = new YamlMappingNode();
        var expected = new List<(string Key, string Value)>();
        for (var i = 0; i < values.Count; i++)
        {
            for (var b = 0; b < Builders.Length; b++)
            {
                var key = $"k{i}_{b}";
                var node = Builders[b](values[i]);
                node.Tag = YamlDotNet.Core.TagName.Empty; // Read back as plain strings (the !Sub style without its tag).
                root.Add(Cfn.Key(key), node);
                expected.Add((key, values[i]));
            }
        }

        var text = YamlTextWriter.Write(root);
        var problems = new List<string>();

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var read = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var (key, value) in expected)
        {
            var node = (YamlScalarNode)read[new YamlScalarNode(key)];
            if (node.Value != value)
            {
                problems.Add($"YamlDotNet: {key} {Show(value)} read back as {Show(node.Value)} from:\n{Line(text, key)}");
            }
        }

        var python = PyYamlLoad(text);
        foreach (var (key, value) in expected)
        {
            if (!python.TryGetProperty(key, out var element) || element.ValueKind != JsonValueKind.String || element.GetString() != value)
            {
                problems.Add($"PyYAML: {key} {Show(value)} read back as {(element.ValueKind == JsonValueKind.Undefined ? "nothing" : element.GetRawText())} from:\n{Line(text, key)}");
            }
        }

        return problems;
    }

    private static string Show(string? value) => JsonSerializer.Serialize(value);

    private static string Line(string text, string key)
    {
        var start = text.IndexOf("\n" + key + ":", StringComparison.Ordinal);
        start = start < 0 ? (text.StartsWith(key + ":", StringComparison.Ordinal) ? 0 : -1) : start + 1;
        if (start < 0)
        {
            return "(not found)";
        }

        var end = text.IndexOf("\nk", start + 1, StringComparison.Ordinal);
        return Show(text[start..(end < 0 ? text.Length : end)]);
    }

    private static JsonElement PyYamlLoad(string text)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(
            "import sys, json, yaml\n" +
            "data = yaml.load(sys.stdin.buffer.read().decode('utf-8'), Loader=getattr(yaml, 'CSafeLoader', yaml.SafeLoader) if False else yaml.SafeLoader)\n" +
            "sys.stdout.write(json.dumps({k: (v if isinstance(v, str) else {'not a string': repr(v)}) for k, v in data.items()}))\n");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        process.StandardInput.Write(text);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"PyYAML could not read the emitted YAML: {stderr.GetAwaiter().GetResult()}\n{text}");
        }

        return JsonDocument.Parse(stdout).RootElement.Clone();
    }
}
