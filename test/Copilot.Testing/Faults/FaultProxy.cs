using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Copilot.Testing.Faults;

/// <summary>
/// A small HTTP/1.1 proxy on a free 127.0.0.1 port in front of another endpoint (moto), for fault injection: for each
/// request <see cref="Rule"/> decides whether it passes, stalls, has its connection reset, or gets another answer (an
/// error status, a malformed or huge body, a rewritten document). One request per connection (<c>Connection: close</c>).
/// Dispose stops listening and ends every stalled connection, so nothing outlives the test.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    private readonly TcpListener listener;
    private readonly Uri target;
    private readonly HttpClient forward = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentBag<Task> connections = [];
    private readonly Task accepting;
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

    private FaultProxy(Uri target)
    {
        this.target = target;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The proxy's URL, to use as <c>AWS_ENDPOINT_URL</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Decides what happens to each request; passes everything by default.</summary>
    public Func<FaultRequest, Fault> Rule { get; set; } = _ => Fault.Pass;

    /// <summary>Every request seen, in order, as <c>Service Operation</c> text (for example <c>SSM GetParameter</c>).</summary>
    public ConcurrentQueue<string> Seen { get; } = new();

    /// <summary>Added to every forwarded request before it is forwarded (a distant AWS region); none by default.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Every forwarded request with the times it arrived and was answered (see <see cref="ProxyExchange.Waves"/>).</summary>
    public ConcurrentQueue<ProxyExchange> Exchanges { get; } = new();

    /// <summary>Starts a proxy in front of <paramref name="target"/>.</summary>
    public static FaultProxy Start(Uri target) => new(target);

    /// <inheritdoc />
    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
        try
        {
            Task.WaitAll([accepting, .. connections], TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Connections end with errors when they are cut; that is the point.
        }

        forward.Dispose();
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream).ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                Seen.Enqueue($"{request.Service} {request.Operation}");
                var fault = Rule(request);
                switch (fault.Kind)
                {
                    case FaultKind.Stall:
                        await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
                        return;
                    case FaultKind.Reset:
                        client.Client.LingerState = new LingerOption(true, 0);
                        client.Client.Close();
                        return;
                    case FaultKind.Answer:
                        await WriteAsync(stream, fault.Status, fault.ContentType, fault.Body).ConfigureAwait(false);
                        return;
                    default:
                        var arrived = clock.Elapsed;
                        if (Latency > TimeSpan.Zero)
                        {
                            await Task.Delay(Latency, stopping.Token).ConfigureAwait(false);
                        }

                        var (status, contentType, body) = await ForwardAsync(request).ConfigureAwait(false);
                        if (fault.Rewrite is { } rewrite)
                        {
                            body = Encoding.UTF8.GetBytes(rewrite(Encoding.UTF8.GetString(body)));
                        }

                        await WriteAsync(stream, status, contentType, body).ConfigureAwait(false);
                        Exchanges.Enqueue(new ProxyExchange($"{request.Service} {request.Operation}", arrived, clock.Elapsed));
                        return;
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or HttpRequestException)
            {
                // The client went away, the proxy is stopping, or moto is gone.
            }
        }
    }

    private async Task<(int Status, string ContentType, byte[] Body)> ForwardAsync(FaultRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(target, request.Path)) { Content = new ByteArrayContent(request.Body) };
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase) || name.Equals("content-md5", StringComparison.OrdinalIgnoreCase))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (!name.Equals("host", StringComparison.OrdinalIgnoreCase) && !name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
                     && !name.Equals("connection", StringComparison.OrdinalIgnoreCase) && !name.Equals("expect", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await forward.SendAsync(message, stopping.Token).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(stopping.Token).ConfigureAwait(false);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "text/xml", body);
    }

    private static async Task WriteAsync(NetworkStream stream, int status, string contentType, byte[] body)
    {
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nx-amzn-RequestId: fault-proxy\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head)).ConfigureAwait(false);
        await stream.WriteAsync(body).ConfigureAwait(false);
        await stream.FlushAsync().ConfigureAwait(false);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    private static async Task<FaultRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one).ConfigureAwait(false) == 0)
            {
                return null;
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        if (headers.Any(h => h.Key.Equals("expect", StringComparison.OrdinalIgnoreCase) && h.Value.Equals("100-continue", StringComparison.OrdinalIgnoreCase)))
        {
            await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray()).ConfigureAwait(false);
        }

        var length = headers.Where(h => h.Key.Equals("content-length", StringComparison.OrdinalIgnoreCase)).Select(h => int.Parse(h.Value, CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read)).ConfigureAwait(false);
            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        return new FaultRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", headers, body);
    }
}

/// <summary>One forwarded request: what it was, and when it arrived and was answered (since the proxy started).</summary>
/// <param name="Call">The request as <c>service Operation</c> (for example <c>ssm GetParameter</c>).</param>
/// <param name="Arrived">When the request had arrived.</param>
/// <param name="Answered">When its answer had been written.</param>
public sealed record ProxyExchange(string Call, TimeSpan Arrived, TimeSpan Answered)
{
    /// <summary>
    /// The number of sequential round trips: the longest chain of requests each of which arrived after the one before
    /// it had been answered. With a <see cref="FaultProxy.Latency"/> well above the client's own time between
    /// requests, requests issued together overlap and count as one wave.
    /// </summary>
    public static int Waves(IReadOnlyCollection<ProxyExchange> exchanges)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        var ordered = exchanges.OrderBy(e => e.Arrived).ToList();
        var depth = new int[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            depth[i] = 1 + Enumerable.Range(0, i).Where(j => ordered[j].Answered <= ordered[i].Arrived).Select(j => depth[j]).DefaultIfEmpty(0).Max();
        }

        return depth.DefaultIfEmpty(0).Max();
    }
}

/// <summary>One request as the proxy saw it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query.</param>
/// <param name="Headers">The headers, in order.</param>
/// <param name="Body">The body.</param>
public sealed record FaultRequest(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>The operation: the JSON protocol's <c>X-Amz-Target</c> after its dot, or the Query protocol's <c>Action</c>.</summary>
    public string Operation
    {
        get
        {
            var target = Header("x-amz-target");
            if (target is not null)
            {
                return target[(target.LastIndexOf('.') + 1)..];
            }

            var form = Encoding.UTF8.GetString(Body);
            foreach (var pair in form.Split('&'))
            {
                if (pair.StartsWith("Action=", StringComparison.Ordinal))
                {
                    return Uri.UnescapeDataString(pair["Action=".Length..]);
                }
            }

            return Method + " " + Path;
        }
    }

    /// <summary>The service: the SigV4 signing name in the <c>Authorization</c> header's credential scope (<c>ssm</c>, <c>cloudformation</c>, <c>sts</c>).</summary>
    public string Service
    {
        get
        {
            var authorization = Header("authorization") ?? string.Empty;
            var scope = authorization.Split("Credential=", 2) is [_, var rest] ? rest.Split(',')[0].Split('/') : [];
            return scope.Length >= 4 ? scope[3] : "unknown";
        }
    }

    /// <summary>The first header named <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name) => Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>What the proxy does with a request.</summary>
public enum FaultKind
{
    /// <summary>Forward it (and maybe rewrite the answer).</summary>
    Pass,

    /// <summary>Never answer.</summary>
    Stall,

    /// <summary>Reset the connection.</summary>
    Reset,

    /// <summary>Answer with the given status and body instead of forwarding.</summary>
    Answer,
}

/// <summary>A decision of <see cref="FaultProxy.Rule"/>.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Status">The status of an <see cref="FaultKind.Answer"/>.</param>
/// <param name="ContentType">The content type of an <see cref="FaultKind.Answer"/>.</param>
/// <param name="BodyBytes">The body of an <see cref="FaultKind.Answer"/>.</param>
/// <param name="Rewrite">For <see cref="FaultKind.Pass"/>: rewrites moto's answer body.</param>
public sealed record Fault(FaultKind Kind, int Status = 200, string ContentType = "text/xml", byte[]? BodyBytes = null, Func<string, string>? Rewrite = null)
{
    /// <summary>Forward unchanged.</summary>
    public static readonly Fault Pass = new(FaultKind.Pass);

    /// <summary>Never answer.</summary>
    public static readonly Fault Stall = new(FaultKind.Stall);

    /// <summary>Reset the connection.</summary>
    public static readonly Fault Reset = new(FaultKind.Reset);

    /// <summary>The body of an answer.</summary>
    public byte[] Body => BodyBytes ?? [];

    /// <summary>An answer with <paramref name="status"/> and a text body.</summary>
    public static Fault Answer(int status, string body, string contentType = "text/xml") => new(FaultKind.Answer, status, contentType, Encoding.UTF8.GetBytes(body));

    /// <summary>Forward, then rewrite moto's answer body.</summary>
    public static Fault RewriteAnswer(Func<string, string> rewrite) => new(FaultKind.Pass, Rewrite: rewrite);

    /// <summary>A Query-protocol (XML) AWS error.</summary>
    public static Fault QueryError(int status, string code, string message = "injected by the fault proxy") =>
        Answer(status, $"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>");

    /// <summary>A JSON-protocol AWS error (SSM, ECR).</summary>
    public static Fault JsonError(int status, string code, string message = "injected by the fault proxy") =>
        Answer(status, $$"""{"__type":"{{code}}","message":{{System.Text.Json.JsonSerializer.Serialize(message)}}}""", "application/x-amz-json-1.1");
}
