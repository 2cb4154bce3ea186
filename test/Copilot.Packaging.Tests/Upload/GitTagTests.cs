using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Adapters;
using Copilot.Packaging.Tests.Support;
using Copilot.Packaging.Upload;

namespace Copilot.Packaging.Tests.Upload;

/// <summary>The git-derived image tag, read from real git repositories through the real <see cref="ProcessRunner"/>.</summary>
[TestFixture]
public sealed class GitTagTests
{
    private static readonly ProcessRunner Runner = new();

    [Test]
    public async Task A_clean_checkout_gives_git_describe_with_tags()
    {
        using var repo = await RepositoryAsync();
        await GitAsync(repo.Path, "-c", "user.name=t", "-c", "user.email=t@example.com", "tag", "-a", "v1.2.0", "-m", "release");
        repo.Write("second.txt", "2\n");
        await GitAsync(repo.Path, "add", ".");
        await GitAsync(repo.Path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "second");

        var tag = await GitTag.ReadAsync(Runner, repo.Path, CancellationToken.None);

        Assert.That(tag, Does.Match("^v1\\.2\\.0-1-g[0-9a-f]{7,}$"));
    }

    [Test]
    public async Task A_clean_checkout_without_tags_gives_the_short_commit()
    {
        using var repo = await RepositoryAsync();
        var head = (await Runner.RunAsync("git", ["rev-parse", "--short", "HEAD"], repo.Path, null, CancellationToken.None)).StandardOutput.Trim();

        var tag = await GitTag.ReadAsync(Runner, repo.Path, CancellationToken.None);

        Assert.That(tag, Is.EqualTo(head));
    }

    [Test]
    public async Task A_dirty_checkout_gives_no_tag()
    {
        using var repo = await RepositoryAsync();
        repo.Write("untracked.txt", "new\n");

        var tag = await GitTag.ReadAsync(Runner, repo.Path, CancellationToken.None);

        Assert.That(tag, Is.Null);
    }

    [Test]
    public async Task A_directory_outside_any_repository_gives_no_tag()
    {
        using var plain = new TempDirectory();
        var runner = new ProcessRunner(new DictionaryEnvironmentVariables(new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
        }));

        var tag = await GitTag.ReadAsync(runner, plain.Path, CancellationToken.None);
        var tagWithoutGit = await GitTag.ReadAsync(new ProcessRunner(new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["PATH"] = plain.Path })), plain.Path, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tag, Is.Null);
            Assert.That(tagWithoutGit, Is.Null, "no git on PATH means no tag, not an error");
        }
    }

    private static async Task<TempDirectory> RepositoryAsync()
    {
        var repo = new TempDirectory();
        await GitAsync(repo.Path, "init", "-q");
        repo.Write("first.txt", "1\n");
        await GitAsync(repo.Path, "add", ".");
        await GitAsync(repo.Path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "first");
        return repo;
    }

    private static async Task GitAsync(string directory, params string[] arguments) =>
        (await Runner.RunAsync("git", arguments, directory, null, CancellationToken.None)).EnsureSuccess($"git {arguments[0]}");
}
