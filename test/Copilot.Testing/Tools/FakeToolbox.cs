namespace Copilot.Testing.Tools;

/// <summary>
/// Recording <c>docker</c> and <c>git</c> shell scripts in a bin directory of their own, put first on the PATH the
/// <c>ProcessRunner</c> searches (give it <see cref="SearchPath"/> as <c>PATH</c>, directly or through the tool's
/// variables). Each call appends a line <c>&lt;program&gt;\t&lt;arg&gt;\t...</c> to the log (and <c>stdin:&lt;text&gt;</c>
/// for <c>docker login</c>). Files in the control directory steer them:
/// <c>fail-build</c> makes <c>docker build</c> fail after 30 lines of stderr, <c>server-errors</c> makes <c>docker info</c>
/// report a daemon error, <c>git-describe</c> holds the <c>git describe</c> answer (none: not a repository) and
/// <c>git-status</c> the <c>git status --porcelain</c> answer.
/// </summary>
public sealed class FakeToolbox
{
    /// <summary>The digest the fake <c>docker inspect</c> reports.</summary>
    public const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private const string DockerScript = """
        #!/bin/sh
        dir="$(cd "$(dirname "$0")/.." && pwd)"
        line="docker"
        for arg in "$@"; do line="$line	$arg"; done
        echo "$line" >> "$dir/calls.log"
        case "$1" in
          info)
            if [ -f "$dir/server-errors" ]; then
              echo '{"ServerVersion":"","ServerErrors":["Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"]}'
            else
              echo '{"ServerVersion":"27.3.1","ServerErrors":null}'
            fi ;;
          login)
            echo "stdin:$(cat)" >> "$dir/calls.log"
            echo "Login Succeeded" ;;
          build)
            if [ -f "$dir/fail-build" ]; then
              i=1
              while [ $i -le 30 ]; do echo "build log line $i" >&2; i=$((i+1)); done
              echo "ERROR: failed to solve: process \"/bin/sh -c make\" did not complete successfully: exit code: 2" >&2
              exit 1
            fi
            echo "Successfully built" ;;
          push)
            echo "pushed" ;;
          inspect)
            for last in "$@"; do :; done
            echo "\"${last%:*}@sha256:1111111111111111111111111111111111111111111111111111111111111111\"" ;;
        esac
        exit 0
        """;

    private const string GitScript = """
        #!/bin/sh
        dir="$(cd "$(dirname "$0")/.." && pwd)"
        line="git"
        for arg in "$@"; do line="$line	$arg"; done
        echo "$line" >> "$dir/calls.log"
        case "$1" in
          describe)
            if [ -f "$dir/git-describe" ]; then cat "$dir/git-describe"; else echo "fatal: not a git repository" >&2; exit 128; fi ;;
          status)
            if [ -f "$dir/git-status" ]; then cat "$dir/git-status"; fi ;;
        esac
        exit 0
        """;

    private readonly string root;

    public FakeToolbox(string root)
    {
        this.root = root;
        var bin = Path.Combine(root, "bin");
        Directory.CreateDirectory(bin);
        Install(Path.Combine(bin, "docker"), DockerScript);
        Install(Path.Combine(bin, "git"), GitScript);
        BinDirectory = bin;
    }

    /// <summary>The directory holding the scripts.</summary>
    public string BinDirectory { get; }

    /// <summary>A PATH with the scripts first and the system tools (sh, cat) after.</summary>
    public string SearchPath => $"{BinDirectory}{Path.PathSeparator}/usr/bin{Path.PathSeparator}/bin";

    /// <summary>Every recorded call, one per line.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            var log = Path.Combine(root, "calls.log");
            return File.Exists(log) ? File.ReadAllLines(log) : [];
        }
    }

    /// <summary>The recorded docker calls, with the arguments as lists.</summary>
    public IReadOnlyList<string[]> DockerCalls =>
        [.. Calls.Where(c => c.StartsWith("docker\t", StringComparison.Ordinal)).Select(c => c.Split('\t')[1..])];

    /// <summary>Removes the recording <c>docker</c>, so that no docker is on <see cref="SearchPath"/> (git stays).</summary>
    public void RemoveDocker() => File.Delete(Path.Combine(BinDirectory, "docker"));

    /// <summary>Makes <c>docker build</c> fail.</summary>
    public void FailBuilds() => File.WriteAllText(Path.Combine(root, "fail-build"), string.Empty);

    /// <summary>Makes <c>docker info</c> report that the daemon is down.</summary>
    public void StopDaemon() => File.WriteAllText(Path.Combine(root, "server-errors"), string.Empty);

    /// <summary>Makes the workspace a git checkout at <paramref name="describe"/>, dirty when <paramref name="status"/> is not empty.</summary>
    public void GitCheckout(string describe, string status = "")
    {
        File.WriteAllText(Path.Combine(root, "git-describe"), describe + "\n");
        File.WriteAllText(Path.Combine(root, "git-status"), status);
    }

    private static void Install(string path, string script)
    {
        File.WriteAllText(path, script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the recording docker and git are shell scripts");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }
}
