using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest;

namespace Copilot.Packaging.Tests.Manifest;

/// <summary>Shortcuts for loading manifest text in tests.</summary>
internal static class ManifestTestKit
{
    public const string ManifestFile = "copilot/job/manifest.yml";

    public const string Header = "name: job\ntype: Scheduled Job\n";

    public static ManifestLoadOptions Options(string env = "test", IReadOnlyDictionary<string, string>? variables = null, bool strict = false, string? expectedName = null) => new()
    {
        AppName = "myApp",
        EnvName = env,
        Variables = new DictionaryEnvironmentVariables(variables ?? new Dictionary<string, string>()),
        Strict = strict,
        ExpectedName = expectedName,
    };

    public static LoadedManifest Load(string yaml, string env = "test", IReadOnlyDictionary<string, string>? variables = null, bool strict = false, string? expectedName = null) =>
        ManifestLoader.Load(new ManifestSource(yaml, ManifestFile), Options(env, variables, strict, expectedName));

    /// <summary>Loads a job manifest body (name and type are added).</summary>
    public static LoadedManifest Job(string body, string env = "test", IReadOnlyDictionary<string, string>? variables = null, bool strict = false) =>
        Load(Header + body, env, variables, strict);

    public static CopilotJobException Fails(string yaml, string env = "test", IReadOnlyDictionary<string, string>? variables = null, bool strict = false, string? expectedName = null)
    {
        var error = Assert.Throws<CopilotJobException>(() => Load(yaml, env, variables, strict, expectedName));
        return error!;
    }

    public static CopilotJobException JobFails(string body, string env = "test", IReadOnlyDictionary<string, string>? variables = null, bool strict = false) =>
        Fails(Header + body, env, variables, strict);
}
