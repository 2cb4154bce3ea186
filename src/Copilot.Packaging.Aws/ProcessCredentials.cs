using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Aws;

/// <summary>
/// A profile's <c>credential_process</c>, run the way AWSSDK.Core runs it (<c>sh -c &lt;command&gt;</c>, or
/// <c>cmd.exe /c</c> on Windows, JSON with <c>Version</c> 1 on stdout) but bounded: it gets no input, its output is
/// capped, and past <see cref="Timeout"/> it is killed with its whole process tree. The SDK's own
/// <see cref="ProcessAWSCredentials"/> waits for the command without a limit and cannot be stopped, so a hanging
/// command would outlive the run. Every failure is a <see cref="CopilotJobException"/> naming the profile and the
/// config file line of <c>credential_process</c>; stdout (it holds secrets) is never echoed.
/// </summary>
internal sealed class ProcessCredentials : RefreshingAWSCredentials
{
    /// <summary>The most stdout or stderr read from the command.</summary>
    internal const int MaxOutputBytes = 64 * 1024;

    private readonly string command;
    private readonly string profile;
    private readonly SourceLocation? location;

    internal ProcessCredentials(string command, string profile, SourceLocation? location, TimeSpan timeout)
    {
        this.command = command;
        this.profile = profile;
        this.location = location;
        Timeout = timeout;
        PreemptExpiryTime = TimeSpan.FromMinutes(5);
    }

    /// <summary>The longest the command may take.</summary>
    internal TimeSpan Timeout { get; }

    /// <summary>
    /// <paramref name="credentials"/>, or, when the SDK resolved a <c>credential_process</c> profile, the bounded
    /// equivalent for the same profile (<paramref name="profile"/>, else <c>AWS_PROFILE</c>, else <c>default</c>).
    /// </summary>
    internal static AWSCredentials ReplaceSdkProcess(AWSCredentials credentials, string? profile, IEnvironmentVariables environment, TimeSpan timeout)
    {
        if (credentials is not ProcessAWSCredentials)
        {
            return credentials;
        }

        var name = profile ?? (string.IsNullOrWhiteSpace(environment.Get("AWS_PROFILE")) ? "default" : environment.Get("AWS_PROFILE")!.Trim());
        if (!new CredentialProfileStoreChain().TryGetProfile(name, out var found) || string.IsNullOrWhiteSpace(found.Options.CredentialProcess))
        {
            return credentials;
        }

        return new ProcessCredentials(found.Options.CredentialProcess.Trim(), name, SharedConfigLocation.Of(name, "credential_process", environment), timeout);
    }

    /// <inheritdoc />
    protected override CredentialsRefreshState GenerateNewCredentials() => Run();

    /// <inheritdoc />
    protected override Task<CredentialsRefreshState> GenerateNewCredentialsAsync() => Task.Run(Run);

    private CredentialsRefreshState Run()
    {
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", command } }
            : new ProcessStartInfo("sh") { ArgumentList = { "-c", command } };
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.CreateNoWindow = true;

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw Failure($"could not be started: {ex.Message}", "Check that the shell and the command exist.", ex);
        }

        // Killed with its tree if this process ends while it runs (the run is stopped by a signal, for example).
        EventHandler stopOnExit = (_, _) => Kill(process);
        AppDomain.CurrentDomain.ProcessExit += stopOnExit;
        try
        {
            process.StandardInput.Close();
            var stdout = ReadCappedAsync(process.StandardOutput.BaseStream);
            var stderr = ReadCappedAsync(process.StandardError.BaseStream);
            if (!process.WaitForExit(Timeout))
            {
                Kill(process);
                throw Failure(
                    string.Create(CultureInfo.InvariantCulture, $"did not answer within {Timeout.TotalSeconds:0.###} s and was stopped"),
                    $"Run the command by hand: it must print credentials JSON and exit without waiting for input. Set {AwsDeadline.VariableName} (seconds) to allow it longer.");
            }

            process.WaitForExit();
            if (!Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(5)))
            {
                // Exited, but something it started still holds its output open.
                Kill(process);
                throw Failure("exited but left a process behind that keeps its output open", "Make the command print the credentials JSON and exit, leaving nothing running.");
            }

            if (stdout.Result is null)
            {
                throw Failure($"printed more than {MaxOutputBytes / 1024} KB", "Make the command print only the credentials JSON.");
            }

            if (process.ExitCode != 0)
            {
                var tail = ProcessResultExtensions.Tail(stderr.Result ?? string.Empty);
                throw Failure(
                    string.Create(CultureInfo.InvariantCulture, $"failed with exit code {process.ExitCode}{(tail.Length == 0 ? string.Empty : ": " + Display.Value(tail))}"),
                    "Run the command by hand to see why it fails.");
            }

            return Parse(stdout.Result);
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= stopOnExit;
        }
    }

    private CredentialsRefreshState Parse(string output)
    {
        try
        {
            using var document = JsonDocument.Parse(output, AwsAnswerLimits.Json);
            var root = document.RootElement;
            string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var version = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : 0;
            var id = Text("AccessKeyId");
            var secret = Text("SecretAccessKey");
            if (version == 1 && !string.IsNullOrEmpty(id) && !string.IsNullOrEmpty(secret))
            {
                var expiration = Text("Expiration") is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : DateTime.MaxValue;
                return new CredentialsRefreshState(new ImmutableCredentials(id, secret, Text("SessionToken")), expiration);
            }
        }
        catch (JsonException)
        {
            // Reported below, without the output: it may hold secrets.
        }

        throw Failure(
            "did not print credentials JSON (\"Version\": 1 with \"AccessKeyId\" and \"SecretAccessKey\")",
            "Run the command by hand and check what it prints on stdout.");
    }

    private CopilotJobException Failure(string what, string advice, Exception? cause = null) =>
        new(
            $"the credential_process of AWS profile {profile} ({Display.Value(command)}) {what}",
            location,
            $"{advice} The command is set as credential_process of profile {profile}{(location is null ? string.Empty : $" in {location.File}")}.",
            cause,
            CopilotJobErrorCode.AwsNotConfigured);

    /// <summary>Reads a stream to its end, keeping at most <see cref="MaxOutputBytes"/> (null when there was more; the rest is drained so the command can exit).</summary>
    private static async Task<string?> ReadCappedAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        var overflow = false;
        int read;
        while ((read = await stream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            overflow |= buffer.Length + read > MaxOutputBytes;
            if (!overflow)
            {
                buffer.Write(chunk, 0, read);
            }
        }

        return overflow ? null : Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5_000);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }
}
