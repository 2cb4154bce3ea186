using System.Net;
using Amazon.Runtime;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Aws;

/// <summary>Runs one AWS SDK call (SSM, STS): tells the observer, and turns SDK failures into <see cref="AwsServiceException"/> or a readable <see cref="CopilotJobException"/>.</summary>
internal static class AwsSdkCall
{
    /// <summary>Runs <paramref name="call"/>.</summary>
    /// <remarks>The call runs within the run's <see cref="AwsDeadline"/>: past it, it is abandoned and "AWS did not answer" is thrown.</remarks>
    internal static Task<T> RunAsync<T>(AwsContext context, string service, string operation, string region, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        context.Observer?.OnCall(service, operation, region);
        return context.Deadline.RunAsync(service, operation, region, token => RunOnceAsync(context, service, operation, region, call, token), cancellationToken);
    }

    private static async Task<T> RunOnceAsync<T>(AwsContext context, string service, string operation, string region, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (Find<Http.AwsAnswerTooLargeException>(ex) is { } tooLarge)
        {
            // Over the size bound while reading (BoundedHttpClientFactory): not a network problem, whatever the SDK wrapped it in.
            throw AwsAnswerLimits.TooLarge(service, operation, tooLarge.Length);
        }
        catch (TimeoutException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The SDK's own per-attempt timeout, on every attempt.
            throw context.Deadline.Expired(service, operation, region, watch.Elapsed, ex);
        }
        catch (AmazonServiceException ex) when (ex.StatusCode != 0 && !string.IsNullOrEmpty(ex.ErrorCode))
        {
            throw new AwsServiceException(service, operation, ex.ErrorCode, ex.Message, ex.StatusCode, ex);
        }
        catch (AmazonServiceException ex) when (ex.StatusCode >= HttpStatusCode.BadRequest)
        {
            throw new AwsServiceException(service, operation, $"HTTP{(int)ex.StatusCode}", ex.Message, ex.StatusCode, ex);
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or HttpRequestException or IOException
                                   || (ex is TaskCanceledException or OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CopilotJobException(
                $"could not complete {service} {operation} in region {region}: {Display.Value(Cause(ex).Message)}",
                recommendation: "Check the network connection, the AWS credentials, and AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_<SERVICE>) if it is set.",
                innerException: ex);
        }
    }

    private static TException? Find<TException>(Exception? ex)
        where TException : Exception
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            if (current is TException found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The HTTP failure in the chain (its message names the host and port), else the innermost exception.</summary>
    private static Exception Cause(Exception ex)
    {
        var current = ex;
        while (current.InnerException is not null && current is not HttpRequestException)
        {
            current = current.InnerException;
        }

        return current;
    }
}
