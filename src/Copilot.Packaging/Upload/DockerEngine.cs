using System.Text.Json;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Upload;

/// <summary>The <c>docker</c> commands the upload runs, through <see cref="IProcessRunner"/> (no shell).</summary>
internal sealed class DockerEngine(IProcessRunner processes, string workingDirectory, bool ci)
{
    /// <summary>The Go template that prints an image's first repository digest as JSON.</summary>
    public const string DigestFormat = "{{json (index .RepoDigests 0)}}";

    /// <summary>Makes sure docker is on PATH and its daemon answers: <c>docker info -f {{json .}}</c> without <c>ServerErrors</c>.</summary>
    /// <exception cref="CopilotJobException">Docker is missing or its daemon is not running.</exception>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(["info", "-f", "{{json .}}"], null, cancellationToken).ConfigureAwait(false);
        result.EnsureSuccess("docker info");
        string[] errors;
        try
        {
            using var info = JsonDocument.Parse(result.StandardOutput);
            errors = info.RootElement.ValueKind == JsonValueKind.Object
                     && info.RootElement.TryGetProperty("ServerErrors", out var list)
                     && list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray().Select(e => e.ToString())]
                : [];
        }
        catch (JsonException ex)
        {
            throw new CopilotJobException($"docker info did not print JSON: {ex.Message}", innerException: ex);
        }

        if (errors.Length > 0)
        {
            throw new CopilotJobException($"docker daemon is not responsive: {string.Join("; ", errors)}");
        }
    }

    /// <summary><c>docker login -u &lt;user&gt; --password-stdin &lt;repository&gt;</c>.</summary>
    public async Task LoginAsync(string repositoryUri, string userName, string password, CancellationToken cancellationToken) =>
        (await RunAsync(["login", "-u", userName, "--password-stdin", repositoryUri], password, cancellationToken).ConfigureAwait(false))
            .EnsureSuccess("docker login");

    /// <summary><c>docker build ...</c>; returns what it printed.</summary>
    public async Task<ProcessResult> BuildAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        (await RunAsync(arguments, null, cancellationToken).ConfigureAwait(false)).EnsureSuccess("docker build");

    /// <summary><c>docker push &lt;image&gt;</c>, with <c>--quiet</c> in CI.</summary>
    public async Task PushAsync(string image, CancellationToken cancellationToken)
    {
        string[] arguments = ci ? ["push", image, "--quiet"] : ["push", image];
        (await RunAsync(arguments, null, cancellationToken).ConfigureAwait(false)).EnsureSuccess("docker push");
    }

    /// <summary>The digest (<c>sha256:...</c>) of a pushed image, from <c>docker inspect</c>.</summary>
    public async Task<string> DigestAsync(string image, CancellationToken cancellationToken)
    {
        var result = (await RunAsync(["inspect", "--format", DigestFormat, image], null, cancellationToken).ConfigureAwait(false))
            .EnsureSuccess("docker inspect");
        var text = result.StandardOutput.Trim().Trim('"');
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || at == text.Length - 1)
        {
            throw new CopilotJobException($"docker inspect printed no repository digest for {image}: \"{result.StandardOutput.Trim()}\"");
        }

        return text[(at + 1)..];
    }

    private Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, string? input, CancellationToken cancellationToken) =>
        processes.RunAsync("docker", arguments, workingDirectory, input, cancellationToken);
}
