using Amazon.Runtime;

namespace Copilot.Packaging.Aws.Http;

/// <summary>
/// The HTTP transport of every SDK client (SSM, STS, S3, EC2; <c>AwsContext.ConfigureSdk</c> sets it): a response body
/// over <see cref="AwsAnswerLimits.MaxBodyBytes"/> fails while it is read, as in the hand-written clients, instead of
/// being buffered whole. Each attempt keeps the configured timeout. Proxies are taken from the environment as .NET
/// does by default.
/// </summary>
internal sealed class BoundedHttpClientFactory : HttpClientFactory
{
    /// <inheritdoc />
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        ArgumentNullException.ThrowIfNull(clientConfig);
        var handler = new BoundingHandler(new SocketsHttpHandler { AllowAutoRedirect = false });
        return new HttpClient(handler, disposeHandler: true) { Timeout = clientConfig.Timeout ?? Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc />
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    /// <inheritdoc />
    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

    private sealed class BoundingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Content.Headers.ContentLength is > AwsAnswerLimits.MaxBodyBytes)
            {
                var length = response.Content.Headers.ContentLength;
                response.Dispose();
                throw new AwsAnswerTooLargeException(length);
            }

            var original = response.Content;
            var bounded = new StreamContent(new BoundedReadStream(await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)));
            foreach (var (name, values) in original.Headers)
            {
                bounded.Headers.TryAddWithoutValidation(name, values);
            }

            response.Content = bounded;
            return response;
        }
    }

    private sealed class BoundedReadStream(Stream inner) : Stream
    {
        private long total;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => total; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            total += read;
            if (total > AwsAnswerLimits.MaxBodyBytes)
            {
                throw new AwsAnswerTooLargeException(null);
            }

            return read;
        }
    }
}

/// <summary>An SDK client's answer went over <see cref="AwsAnswerLimits.MaxBodyBytes"/> while it was read.</summary>
/// <param name="length">The announced length, when the answer announced one.</param>
internal sealed class AwsAnswerTooLargeException(long? length)
    : IOException($"the answer is larger than {AwsAnswerLimits.MaxBodyBytes / (1024 * 1024)} MB")
{
    /// <summary>The announced length, if any.</summary>
    public long? Length { get; } = length;
}
