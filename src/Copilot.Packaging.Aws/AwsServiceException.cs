using System.Net;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Aws;

/// <summary>
/// An error an AWS service returned (for example <c>ValidationError</c>, <c>AccessDenied</c>, <c>ParameterNotFound</c>).
/// It is a <see cref="CopilotJobException"/>, so an unexpected one still reaches the user as a readable sentence;
/// the core catches the expected ones and rewords them with the app, environment, account and region.
/// </summary>
internal sealed class AwsServiceException : CopilotJobException
{
    /// <summary>Creates the error.</summary>
    /// <param name="service">The service, for example <c>CloudFormation</c>.</param>
    /// <param name="operation">The operation, for example <c>DescribeStacks</c>.</param>
    /// <param name="errorCode">The AWS error code.</param>
    /// <param name="serviceMessage">The message AWS returned.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="innerException">The SDK exception, when the call went through the SDK.</param>
    public AwsServiceException(string service, string operation, string errorCode, string serviceMessage, HttpStatusCode statusCode, Exception? innerException = null)
        : base($"{service} {operation} failed: {Display.Value(errorCode)}: {Display.Value(serviceMessage)}", innerException: innerException)
    {
        Service = service;
        Operation = operation;
        ErrorCode = Display.Value(errorCode);
        ServiceMessage = Display.Value(serviceMessage);
        StatusCode = statusCode;
    }

    /// <summary>The service, for example <c>CloudFormation</c>.</summary>
    public string Service { get; }

    /// <summary>The operation, for example <c>DescribeStacks</c>.</summary>
    public string Operation { get; }

    /// <summary>The AWS error code, for example <c>ValidationError</c> (escaped and capped like every echoed value, see <see cref="Display"/>).</summary>
    public string ErrorCode { get; }

    /// <summary>The message AWS returned, escaped and cut to <see cref="Display.MaxLength"/> characters (AWS error bodies can be of any size).</summary>
    public string ServiceMessage { get; }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// True when CloudFormation says the stack does not exist: a <c>ValidationError</c> whose message contains
    /// <c>does not exist</c> (how AWS and copilot tell a missing stack apart from other validation errors).
    /// </summary>
    public bool IsStackNotFound => ErrorCode == "ValidationError" && CloudFormation.CloudFormationAnswers.IsNotFound(ErrorCode, ServiceMessage);

    /// <summary>True when the caller is not allowed to make the call (or its credentials were refused).</summary>
    public bool IsAccessDenied => ErrorCode is "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation"
        or "InvalidClientTokenId" or "UnrecognizedClientException" or "SignatureDoesNotMatch" or "ExpiredToken"
        or "ExpiredTokenException" or "InvalidAccessKeyId" or "AuthFailure";
}
