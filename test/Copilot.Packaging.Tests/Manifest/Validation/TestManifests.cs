using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Validation;

namespace Copilot.Packaging.Tests.Manifest.Validation;

/// <summary>Builds manifests for validation tests and asserts on the diagnostics they produce.</summary>
internal static class TestManifests
{
    public const string FilePath = "copilot/job/manifest.yml";

    /// <summary>A minimal valid job: an image location and a schedule.</summary>
    public static ScheduledJobManifest Valid(params (string Path, int Line, int Column)[] locations) => new()
    {
        Name = "job",
        Image = new ImageConfig { Location = "public.ecr.aws/docker/library/alpine:3" },
        Schedule = "@daily",
        Source = Map(locations),
    };

    /// <summary>A source map with the given field locations in <see cref="FilePath"/>.</summary>
    public static ManifestSourceMap Map(params (string Path, int Line, int Column)[] locations) =>
        new(FilePath, locations.ToDictionary(l => l.Path, l => new SourceLocation(FilePath, l.Line, l.Column)));

    /// <summary>A sidecar pulling an image, plus whatever <paramref name="configure"/> sets.</summary>
    public static SidecarConfig Sidecar(Func<SidecarConfig, SidecarConfig>? configure = null)
    {
        var sidecar = new SidecarConfig { ImageLocation = "public.ecr.aws/nginx/nginx" };
        return configure is null ? sidecar : configure(sidecar);
    }

    public static Dictionary<string, string> Map1(string key, string value) => new() { [key] = value };

    /// <summary>Validates and asserts exactly one error, returning it.</summary>
    public static Diagnostic SingleError(ScheduledJobManifest manifest)
    {
        var diagnostics = ManifestValidator.Validate(manifest);
        Assert.That(diagnostics, Has.Count.EqualTo(1), string.Join(Environment.NewLine, diagnostics));
        Assert.That(diagnostics[0].Severity, Is.EqualTo(DiagnosticSeverity.Error));
        return diagnostics[0];
    }

    /// <summary>Validates and asserts no diagnostics.</summary>
    public static void AssertValid(ScheduledJobManifest manifest)
    {
        var diagnostics = ManifestValidator.Validate(manifest);
        Assert.That(diagnostics, Is.Empty, string.Join(Environment.NewLine, diagnostics));
    }

    /// <summary>Asserts field path, location and a message fragment of one diagnostic.</summary>
    public static void AssertError(Diagnostic diagnostic, string fieldPath, string location, string messageFragment)
    {
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.FieldPath, Is.EqualTo(fieldPath));
            Assert.That(diagnostic.Location?.ToString(), Is.EqualTo(location));
            Assert.That(diagnostic.Message, Does.Contain(messageFragment));
            Assert.That(diagnostic.ToString(), Does.StartWith($"{location}: {fieldPath}: "));
        });
    }
}
