using Copilot.Testing;

namespace Copilot.Packaging.Tests.Support;

/// <summary>
/// copilot's golden Scheduled Job case (manifest, templates, params JSON), which the repository does not carry. It is
/// read from <c>COPILOT_JOB_COMPAT_DIR</c> when set, else from <c>&lt;repository root&gt;/../shared/compat</c>
/// (the repository root holds <c>Copilot.Tool.sln</c> and is found by walking up from the test binaries).
/// When neither exists the test is reported skipped with that reason (a fresh clone has no copy), except under
/// <c>CI=true</c>, where a missing compat directory fails the test so CI always compares with copilot.
/// <c>COPILOT_JOB_REQUIRE_COMPAT=true|false</c> overrides that default: the GitHub workflows, which run with
/// <c>CI=true</c> on a clone that cannot have copilot's files, set it to <c>false</c>.
/// </summary>
internal static class CompatData
{
    /// <summary>The environment variable that names the compat directory.</summary>
    public const string DirectoryVariable = "COPILOT_JOB_COMPAT_DIR";

    private const string SolutionFile = "Copilot.Tool.sln";

    /// <summary>The compat directory; fails the test with what to do when it cannot be found.</summary>
    public static string Directory
    {
        get
        {
            if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured)
            {
                if (!System.IO.Directory.Exists(configured))
                {
                    Assert.Fail($"{DirectoryVariable} is {configured}, which is not a directory; point it at the folder with copilot's golden job case (job-manifest.yml, job-test.stack.yml, ...).");
                }

                return configured;
            }

            var root = RepositoryPaths.TryRoot;
            if (root is null)
            {
                Missing($"{DirectoryVariable} is not set and no {SolutionFile} lies above {AppContext.BaseDirectory}");
            }

            var besideRepository = Path.GetFullPath(Path.Combine(root!, "..", "shared", "compat"));
            if (!System.IO.Directory.Exists(besideRepository))
            {
                Missing($"{DirectoryVariable} is not set and {besideRepository} does not exist");
            }

            return besideRepository;
        }
    }

    /// <summary>The environment variable that says whether a missing compat directory fails (true) or skips (false).</summary>
    public const string RequireVariable = "COPILOT_JOB_REQUIRE_COMPAT";

    /// <summary>
    /// True when copilot's golden case must be present: <c>COPILOT_JOB_REQUIRE_COMPAT</c> when set, else in CI
    /// (<c>CI=true</c>).
    /// </summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) is { Length: > 0 } required
        ? string.Equals(required, "true", StringComparison.OrdinalIgnoreCase)
        : string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the test (fails it under <c>CI=true</c>) because the compat directory is not there.</summary>
    private static void Missing(string why)
    {
        var message = $"copilot's golden job case was not found: {why}. Set {DirectoryVariable} to the folder with job-manifest.yml and job-test.stack.yml, or put shared/compat beside the repository.";
        if (Required)
        {
            Assert.Fail($"{message} (CI=true or {RequireVariable}=true: the compat tests must run here)");
        }

        Assert.Ignore(message);
    }

    /// <summary>The full path of a compat file (for example <c>derived/job-test.stack.equivalent.json</c>); fails when it is missing.</summary>
    public static string PathOf(params string[] parts)
    {
        var path = Path.Combine([Directory, .. parts]);
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing from copilot's golden job case; check {DirectoryVariable} or the shared/compat copy beside the repository.");
        }

        return path;
    }

    /// <summary>The text of a compat file.</summary>
    public static string ReadText(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>The bytes of a compat file.</summary>
    public static byte[] ReadBytes(params string[] parts) => File.ReadAllBytes(PathOf(parts));
}
