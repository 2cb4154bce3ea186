using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Copilot.Packaging.Aws;

namespace Copilot.Testing.Moto;

/// <summary>
/// A moto server of its own on a free 127.0.0.1 port, started through <c>test/moto/moto_harness.py</c> (moto with the
/// patches the tests rely on). Nothing global is set: contexts made by <see cref="CreateContext"/> carry the endpoint,
/// region and keys, so fixtures with their own servers can run side by side. Dispose kills the process.
/// </summary>
public sealed class MotoServer : IDisposable
{
    /// <summary>What to do when moto is missing: install it (the tests never skip).</summary>
    public const string NotInstalledMessage = "moto is not installed: pip install \"moto[server]\"";

    /// <summary>The account moto reports for every caller.</summary>
    public const string Account = "123456789012";

    /// <summary>How long a starting server may take to answer: importing moto takes seconds, minutes on a busy 2-core machine.</summary>
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(180);

    private readonly Process process;
    private readonly StringBuilder output;

    private MotoServer(Process process, StringBuilder output, Uri endpoint)
    {
        this.process = process;
        this.output = output;
        Endpoint = endpoint;
    }

    /// <summary>The server's URL, for example <c>http://127.0.0.1:45123/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Starts a server and waits until it answers.</summary>
    /// <param name="serverEnvironment">Extra environment variables for the server process (for example <c>INITIAL_NO_AUTH_ACTION_COUNT</c>).</param>
    public static async Task<MotoServer> StartAsync(IReadOnlyDictionary<string, string>? serverEnvironment = null)
    {
        TestTier.Require("a moto server", TestCategories.Moto);
        var harness = FindHarness();
        var python = FindPython();
        await EnsureMotoInstalledAsync(python).ConfigureAwait(false);

        var port = FreePort();
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(harness);
        start.ArgumentList.Add("-H");
        start.ArgumentList.Add("127.0.0.1");
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, value) in serverEnvironment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new MotoServer(process, output, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitUntilReadyAsync().ConfigureAwait(false);
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>An AWS context pointed at this server, with dummy keys unless <paramref name="accessKey"/> is given.</summary>
    internal AwsContext CreateContext(string region = "us-west-2", IAwsCallObserver? observer = null, AwsAccessKey? accessKey = null, int maxAttempts = 2) =>
        AwsContext.Create(new AwsContextOptions
        {
            Region = region,
            EndpointUrl = Endpoint,
            AccessKey = accessKey ?? new AwsAccessKey("testing", "testing"),
            CallObserver = observer,
            MaxAttempts = maxAttempts,
            Environment = new Copilot.Packaging.Abstractions.DictionaryEnvironmentVariables(new Dictionary<string, string>()),
        });

    /// <summary>Stops the server now (to test what happens when AWS goes away mid-run).</summary>
    public void Stop()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.Add(ReadyWithin);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"moto exited with code {process.ExitCode} before it was ready:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "moto-api/")).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer; try again.
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"moto did not answer on {Endpoint} within {(int)ReadyWithin.TotalSeconds} s:\n{Tail()}");
    }

    private string Tail()
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length > 4000 ? text[^4000..] : text;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static async Task EnsureMotoInstalledAsync(string python)
    {
        var check = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        check.ArgumentList.Add("-c");
        check.ArgumentList.Add("import moto.server, werkzeug, flask");
        using var process = Process.Start(check) ?? throw new InvalidOperationException(NotInstalledMessage);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(NotInstalledMessage);
        }
    }

    private static string FindPython()
    {
        foreach (var name in new[] { "python3", "python" })
        {
            var paths = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            if (paths.Any(p => File.Exists(Path.Combine(p, name))))
            {
                return name;
            }
        }

        throw new InvalidOperationException($"python is not on PATH; {NotInstalledMessage}");
    }

    private static string FindHarness()
    {
        var harness = Path.Combine(RepositoryPaths.Root, "test", "moto", "moto_harness.py");
        return File.Exists(harness) ? harness : throw new InvalidOperationException($"{harness} was not found");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
