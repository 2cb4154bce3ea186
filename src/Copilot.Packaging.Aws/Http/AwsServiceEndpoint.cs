namespace Copilot.Packaging.Aws.Http;

/// <summary>Where a service call goes and how it is signed.</summary>
/// <param name="Service">The service name used in messages and observers, for example <c>CloudFormation</c>.</param>
/// <param name="Url">The endpoint URL.</param>
/// <param name="Region">The region the request is signed for.</param>
/// <param name="SigningName">The SigV4 service name, for example <c>cloudformation</c> or <c>ecr</c>.</param>
internal sealed record AwsServiceEndpoint(string Service, Uri Url, string Region, string SigningName);
