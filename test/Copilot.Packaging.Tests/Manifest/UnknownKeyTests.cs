using Copilot.Packaging.Errors;
using static Copilot.Packaging.Tests.Manifest.ManifestTestKit;

namespace Copilot.Packaging.Tests.Manifest;

public class UnknownKeyTests
{
    [Test]
    public void Misspelled_key_is_a_located_warning_with_a_suggestion()
    {
        var loaded = Job("image:\n  location: x\nimgae: y\n");

        Assert.That(loaded.Warnings.Single().ToString(), Is.EqualTo($"{ManifestFile}:5:1: imgae: unknown key \"imgae\" in the top level has no effect; did you mean \"image\"?"));
        Assert.That(loaded.Warnings.Single().Severity, Is.EqualTo(DiagnosticSeverity.Warning));
    }

    [Test]
    public void Unknown_key_with_no_close_match_lists_the_valid_keys()
    {
        var loaded = Job("image:\n  location: x\n  zzz: 1\n");

        Assert.That(loaded.Warnings.Single().Message, Is.EqualTo("unknown key \"zzz\" in image has no effect; valid keys here are build, location, credentials, labels, depends_on, healthcheck"));
    }

    [Test]
    public void Nested_misspelling_suggests_the_key_valid_at_that_place()
    {
        var loaded = Job("image:\n  locaton: x\n");

        Assert.That(loaded.Warnings.Single().ToString(), Is.EqualTo($"{ManifestFile}:4:3: image.locaton: unknown key \"locaton\" in image has no effect; did you mean \"location\"?"));
    }

    [Test]
    public void Key_at_the_wrong_level_names_where_it_belongs()
    {
        var loaded = Job("image:\n  location: x\nhealthcheck:\n  command: [x]\nschedule: '@daily'\n");

        Assert.That(loaded.Warnings.Last().Message, Does.EndWith("\"schedule\" is valid under on, did you put it at the wrong level?"));
        Assert.That(loaded.Warnings.First().Message, Is.EqualTo("unknown key \"healthcheck\" in the top level has no effect; \"healthcheck\" is valid under image or sidecars.<name>, did you put it at the wrong level?"));
    }

    [TestCase("http:\n  path: /\n", "http")]
    [TestCase("image:\n  location: x\n  port: 80\n", "port")]
    public void Service_only_keys_are_unknown_for_jobs(string body, string key)
    {
        var loaded = Job(body.StartsWith("image", StringComparison.Ordinal) ? body : "image:\n  location: x\n" + body);

        Assert.That(loaded.Warnings.Select(w => w.Message), Has.Some.StartsWith($"unknown key \"{key}\""));
    }

    [Test]
    public void Keys_copilot_accepts_without_effect_are_known()
    {
        var loaded = Job("image:\n  location: x\nexec: true\ncount: 2\nnetwork:\n  connect: true\n  vpc:\n    security_groups:\n      groups: [sg-1]\n      deny_default: true\n");

        Assert.That(loaded.Warnings.Select(w => (w.Severity, w.FieldPath)), Is.EqualTo(new[] { (DiagnosticSeverity.Note, "exec") }), "only the exec note");
    }

    [TestCase("exec: true\n", 5, 7)]
    [TestCase("exec:\n  enable: true\n", 6, 3)]
    public void Exec_enabled_on_a_job_gets_a_located_note_that_it_has_no_effect(string exec, int line, int column)
    {
        var loaded = Job("image:\n  location: x\n" + exec);

        var note = loaded.Warnings.Single();
        Assert.That(note.Severity, Is.EqualTo(DiagnosticSeverity.Note));
        Assert.That(note.ToString(), Is.EqualTo(
            $"{ManifestFile}:{line}:{column}: exec: enabling it has no effect on Scheduled Jobs: copilot accepts the key, but a job's tasks run without ECS Exec"));
    }

    [TestCase("exec: false\n")]
    [TestCase("exec:\n  enable: false\n")]
    public void Exec_disabled_gets_no_note(string exec)
    {
        Assert.That(Job("image:\n  location: x\n" + exec).Warnings, Is.Empty);
    }

    [Test]
    public void Strict_keeps_the_exec_note_a_note()
    {
        var loaded = Job("image:\n  location: x\nexec: true\n", strict: true);

        Assert.That(loaded.Warnings.Single().Severity, Is.EqualTo(DiagnosticSeverity.Note));
    }

    [Test]
    public void Strict_turns_unknown_keys_into_errors()
    {
        var error = JobFails("image:\n  location: x\ncpuu: 1\n", strict: true);

        Assert.That(error.Diagnostics.Single().Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(error.Describe(), Is.EqualTo($"{ManifestFile}:5:1: cpuu: unknown key \"cpuu\" in the top level has no effect; did you mean \"cpu\"?"));
        Assert.That(error.Describe(), Does.Not.Contain("ignored"), "an error does not say the key is ignored");
    }

    [Test]
    public void Unknown_keys_in_override_blocks_are_reported_once()
    {
        var loaded = Job("image:\n  location: x\nenvironments:\n  test:\n    cpuu: 1\n  prod:\n    name: other\n");

        Assert.That(loaded.Warnings.Select(w => w.ToString()), Is.EqualTo(new[]
        {
            $"{ManifestFile}:7:5: environments.test.cpuu: unknown key \"cpuu\" in environments.<env> has no effect; did you mean \"cpu\"?",
            $"{ManifestFile}:9:5: environments.prod.name: unknown key \"name\" in environments.<env> has no effect; \"name\" is valid under the top level or publish.topics[], did you put it at the wrong level?",
        }));
    }
}
