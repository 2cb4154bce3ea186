using System.IO.Abstractions;
using System.Text.Json;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;

namespace Copilot.Packaging.Upload;

/// <summary>
/// Whether docker already logs in to ECR by itself through the Amazon ECR credential helper: <c>credsStore</c> is
/// <c>ecr-login</c>, or <c>credHelpers[&lt;registry&gt;]</c> is, in <c>~/.docker/config.json</c> or <c>~/.dockercfg</c>.
/// </summary>
internal static class DockerCredentialHelpers
{
    private const string EcrLogin = "ecr-login";

    /// <summary>True when the ECR credential helper serves <paramref name="registry"/>; unreadable files count as "no".</summary>
    public static bool UseEcrLogin(IFileSystem fileSystem, IEnvironmentVariables variables, string registry)
    {
        var home = variables.Get("HOME") ?? variables.Get("USERPROFILE");
        if (string.IsNullOrEmpty(home))
        {
            return false;
        }

        return new[] { fileSystem.Path.Combine(home, ".docker", "config.json"), fileSystem.Path.Combine(home, ".dockercfg") }
            .Any(path => ConfigUsesEcrLogin(fileSystem, path, registry));
    }

    private static bool ConfigUsesEcrLogin(IFileSystem fileSystem, string path, string registry)
    {
        try
        {
            if (!fileSystem.File.Exists(path))
            {
                return false;
            }

            using var config = JsonDocument.Parse(InputFiles.ReadText(fileSystem, path, path));
            var root = config.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (root.TryGetProperty("credsStore", out var store) && store.ValueKind == JsonValueKind.String && store.GetString() == EcrLogin)
            {
                return true;
            }

            return root.TryGetProperty("credHelpers", out var helpers)
                   && helpers.ValueKind == JsonValueKind.Object
                   && helpers.TryGetProperty(registry, out var helper)
                   && helper.ValueKind == JsonValueKind.String
                   && helper.GetString() == EcrLogin;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or CopilotJobException)
        {
            return false;
        }
    }
}
