using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Aws;

/// <summary>
/// Where a setting of a profile is written in the shared AWS files, for error messages: the credentials file
/// (<c>AWS_SHARED_CREDENTIALS_FILE</c>, else <c>~/.aws/credentials</c>, sections <c>[name]</c>) is searched first, as
/// its values win, then the config file (<c>AWS_CONFIG_FILE</c>, else <c>~/.aws/config</c>, sections
/// <c>[profile name]</c> and <c>[default]</c>). Only reads regular files of at most 1 MB; anything else is "not found".
/// </summary>
internal static class SharedConfigLocation
{
    private const long MaxFileBytes = 1024 * 1024;

    /// <summary>The file, line and column of <paramref name="key"/> in <paramref name="profile"/>'s section, or null.</summary>
    internal static SourceLocation? Of(string profile, string key, IEnvironmentVariables environment)
    {
        var home = environment.Get("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var credentials = NonEmpty(environment.Get("AWS_SHARED_CREDENTIALS_FILE")) ?? Path.Combine(home, ".aws", "credentials");
        var config = NonEmpty(environment.Get("AWS_CONFIG_FILE")) ?? Path.Combine(home, ".aws", "config");
        return Find(credentials, [profile], key)
            ?? Find(config, profile == "default" ? ["default", "profile default"] : [$"profile {profile}"], key);
    }

    private static SourceLocation? Find(string path, string[] sections, string key)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxFileBytes || (info.Attributes & FileAttributes.ReparsePoint) != 0 && info.ResolveLinkTarget(true) is not FileInfo)
            {
                return null;
            }

            var inSection = false;
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.StartsWith('[') && line.EndsWith(']'))
                {
                    var name = string.Join(' ', line[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    inSection = sections.Contains(name, StringComparer.Ordinal);
                    continue;
                }

                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (inSection && equals > 0 && line[..equals].Trim() == key)
                {
                    return new SourceLocation(path, i + 1, lines[i].IndexOf(key, StringComparison.Ordinal) + 1);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No location then; the message still names the profile.
        }

        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
