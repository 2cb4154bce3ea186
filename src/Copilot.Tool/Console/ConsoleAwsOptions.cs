using Copilot.Packaging.Aws;

namespace Copilot.Tool;

/// <summary>
/// The AWS settings of a run, read through the console's variable lookup (the process environment in the real tool,
/// the test's dictionary in-process): <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>/<c>AWS_PROFILE</c>,
/// <c>AWS_ENDPOINT_URL</c>, and <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>/<c>AWS_SESSION_TOKEN</c>.
/// </summary>
/// <remarks>
/// Keys from the variables are used only when no profile is named (<c>--profile</c> or <c>AWS_PROFILE</c>), as the AWS
/// CLI and copilot's Go SDK do. <c>AWS_ENDPOINT_URL</c> is passed on only when no service-specific
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> is set and endpoints are not ignored; otherwise the SDK resolves endpoints per
/// service itself, as before.
/// </remarks>
internal static class ConsoleAwsOptions
{
    private static readonly string[] ServiceEndpointVariables =
        ["AWS_ENDPOINT_URL_SSM", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_CLOUDFORMATION", "AWS_ENDPOINT_URL_ECR", "AWS_ENDPOINT_URL_S3"];

    public static AwsContextOptions Create(ToolConsole console, string? profile, string? region)
    {
        var get = console.GetVariable;
        return new AwsContextOptions
        {
            Profile = profile,
            Region = region,
            Environment = new DelegateEnvironmentVariables(get),
            EndpointUrl = EndpointUrl(get),
            AccessKey = string.IsNullOrEmpty(profile) && string.IsNullOrEmpty(get("AWS_PROFILE")) ? AccessKey(get) : null,
        };
    }

    private static Uri? EndpointUrl(Func<string, string?> get)
    {
        if (string.Equals(get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase)
            || ServiceEndpointVariables.Any(name => !string.IsNullOrEmpty(get(name))))
        {
            return null;
        }

        return Uri.TryCreate(get("AWS_ENDPOINT_URL"), UriKind.Absolute, out var url) ? url : null;
    }

    private static AwsAccessKey? AccessKey(Func<string, string?> get)
    {
        var id = get("AWS_ACCESS_KEY_ID");
        var secret = get("AWS_SECRET_ACCESS_KEY");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            return null;
        }

        var token = get("AWS_SESSION_TOKEN");
        return new AwsAccessKey(id, secret, string.IsNullOrEmpty(token) ? null : token);
    }
}
