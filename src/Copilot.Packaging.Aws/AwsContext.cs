using System.Collections.Concurrent;
using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Amazon.SimpleSystemsManagement;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Aws.CloudFormation;
using Copilot.Packaging.Aws.Ec2;
using Copilot.Packaging.Aws.Ecr;
using Copilot.Packaging.Aws.Http;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Records;
using Copilot.Packaging.Synthesis;

namespace Copilot.Packaging.Aws;

/// <summary>
/// The AWS identity of one run: credentials and region resolved once, the SDK way, plus the endpoints and HTTP
/// plumbing every AWS client of the core shares. Create it with <see cref="Create(AwsContextOptions?)"/>; dispose it at the end of the run.
/// </summary>
/// <remarks>
/// Region order: <see cref="AwsContextOptions.Region"/>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the profile's
/// <c>region</c>, then instance metadata. The .NET SDK itself ignores <c>AWS_DEFAULT_REGION</c> (the Go SDK copilot uses,
/// and the AWS CLI, read it), and without a region it silently signs for us-east-1, so this class resolves the region
/// itself and passes it to every client explicitly.
/// </remarks>
internal sealed class AwsContext : IDisposable
{
    /// <summary>How to set a region, for the missing-region error.</summary>
    internal const string RegionAdvice =
        "Set one with --region, the AWS_REGION (or AWS_DEFAULT_REGION) environment variable, or `region` in the AWS profile's section of ~/.aws/config.";

    /// <summary>How to provide credentials, for credential errors.</summary>
    internal const string CredentialsAdvice =
        "Set AWS_PROFILE (or --profile) to a profile in ~/.aws/config or ~/.aws/credentials (run `aws sso login` for SSO profiles), set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where a web identity, container or instance role is available.";

    private readonly AwsContextOptions options;
    private readonly HttpClient http;
    private readonly ConcurrentDictionary<(string Role, string Region), Lazy<Task<AWSCredentials>>> roleSessions = new();
    private readonly ConcurrentDictionary<string, Lazy<AmazonSecurityTokenServiceClient>> stsClients = new(StringComparer.Ordinal);
    private readonly Lazy<AmazonSimpleSystemsManagementClient> ssmClient;

    /// <summary>The variable that makes every configured endpoint (variables and profile) be ignored.</summary>
    internal const string IgnoreEndpointsVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    private readonly IEnvironmentVariables environment;

    private AwsContext(AwsContextOptions options, IEnvironmentVariables environment, string region, AWSCredentials credentials, string? profile, AwsDeadline deadline, AwsRetrySettings retry)
    {
        this.options = options;
        this.environment = environment;
        Region = region;
        Credentials = credentials;
        Profile = profile;
        Deadline = deadline;
        Retry = retry;
        http = new HttpClient { Timeout = deadline.AttemptTimeout, MaxResponseContentBufferSize = AwsAnswerLimits.MaxBodyBytes };
        ssmClient = new Lazy<AmazonSimpleSystemsManagementClient>(() => new AmazonSimpleSystemsManagementClient(Credentials, ConfigureSdk(new AmazonSimpleSystemsManagementConfig(), Region)));
        Sender = new AwsHttpSender(http, AwsRetryPolicy.From(retry), options.CallObserver, deadline);
    }

    /// <summary>The region of the run (the "app region": SSM records and the app StackSet are read there).</summary>
    public string Region { get; }

    /// <summary>The profile in use, if one was named by the options or <c>AWS_PROFILE</c>.</summary>
    public string? Profile { get; }

    /// <summary>What supplied the credentials (the SDK credential type, for example <c>EnvironmentVariablesAWSCredentials</c>); never a secret.</summary>
    public string CredentialSource => Credentials.GetType().Name;

    /// <summary>The default credentials.</summary>
    internal AWSCredentials Credentials { get; }

    /// <summary>The observer of AWS calls, if any.</summary>
    internal IAwsCallObserver? Observer => options.CallObserver;

    /// <summary>The run's budget of time spent waiting for AWS.</summary>
    internal AwsDeadline Deadline { get; }

    /// <summary>How calls are retried (<c>AWS_RETRY_MODE</c>, <c>AWS_MAX_ATTEMPTS</c>), for SDK and hand-written clients alike.</summary>
    internal AwsRetrySettings Retry { get; }

    /// <summary>The signed-HTTP sender shared by the hand-written clients.</summary>
    internal AwsHttpSender Sender { get; }

    /// <summary>Resolves credentials and region once.</summary>
    /// <param name="options">Overrides; null uses the SDK default chain for everything.</param>
    /// <exception cref="CopilotJobException">No region or no credentials could be found.</exception>
    public static AwsContext Create(AwsContextOptions? options = null) => Create(options ?? new AwsContextOptions(), new SdkDefaultChain());

    /// <summary>Resolves credentials and region through <paramref name="chain"/> (the seam tests use).</summary>
    internal static AwsContext Create(AwsContextOptions options, IAwsDefaultChain chain)
    {
        var environment = options.Environment ?? ProcessEnvironmentVariables.Instance;
        var deadline = new AwsDeadline(options.Deadline ?? AwsDeadline.ParseBudget(environment.Get(AwsDeadline.VariableName)));
        var retry = AwsRetrySettings.Resolve(options.RetryMode, options.MaxAttempts, environment);
        var profile = NonEmpty(options.Profile);
        var region = NonEmpty(options.Region)
            ?? NonEmpty(environment.Get("AWS_REGION"))
            ?? NonEmpty(environment.Get("AWS_DEFAULT_REGION"))
            ?? chain.ResolveRegion(profile);
        if (region is null)
        {
            throw new CopilotJobException(
                profile is null ? "no AWS region is configured" : $"no AWS region is configured for profile {profile}",
                recommendation: RegionAdvice,
                code: CopilotJobErrorCode.AwsNotConfigured);
        }

        var credentials = options.AccessKey is { } key
            ? key.SessionToken is null
                ? new BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey)
                : new SessionAWSCredentials(key.AccessKeyId, key.SecretAccessKey, key.SessionToken)
            : chain.ResolveCredentials(profile);
        if (credentials is null)
        {
            throw new CopilotJobException(
                profile is null ? "no AWS credentials were found" : $"no AWS credentials were found for profile {profile}",
                recommendation: CredentialsAdvice,
                code: CopilotJobErrorCode.AwsNotConfigured);
        }

        // A credential_process runs bounded (and is killed with its process tree past the attempt timeout), once, now:
        // a hanging or failing command is reported before any AWS call, naming the profile and its config line.
        if (ProcessCredentials.ReplaceSdkProcess(credentials, profile, environment, deadline.AttemptTimeout) is ProcessCredentials bounded)
        {
            credentials = bounded;
            bounded.GetCredentials();
        }

        return new AwsContext(options, environment, region, credentials, profile ?? NonEmpty(environment.Get("AWS_PROFILE")), deadline, retry);
    }

    /// <summary>A CloudFormation client for <paramref name="region"/>, signing with <paramref name="credentials"/> (default ones when null).</summary>
    internal ICloudFormationClient CloudFormation(string region, AWSCredentials? credentials = null) =>
        new CloudFormationClient(QueryClient("CloudFormation", "cloudformation", region, credentials, "2010-05-15"));

    /// <summary>An EC2 client (AWSSDK.EC2) for <paramref name="region"/>, signing with <paramref name="credentials"/> (default ones when null).</summary>
    /// <param name="region">The region.</param>
    /// <param name="credentials">The credentials; null uses the default ones.</param>
    /// <param name="httpClientFactory">The HTTP transport (tests script answers with it); null uses one bounded by <see cref="AwsAnswerLimits.MaxBodyBytes"/>.</param>
    internal IEc2Client Ec2(string region, AWSCredentials? credentials = null, HttpClientFactory? httpClientFactory = null)
    {
        var config = ConfigureSdk(new AmazonEC2Config(), region);
        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        return new Ec2Client(this, new AmazonEC2Client(credentials ?? Credentials, config), region);
    }

    /// <summary>An ECR client for <paramref name="region"/>, signing with <paramref name="credentials"/> (default ones when null).</summary>
    internal IEcrClient Ecr(string region, AWSCredentials? credentials = null)
    {
        var endpoint = Endpoint("ECR", "ecr", region, $"https://api.ecr.{region}.{AwsPartitions.DnsSuffixOfRegion(region)}");
        return new EcrClient(new AwsJsonClient(Sender, endpoint, credentials ?? Credentials, "AmazonEC2ContainerRegistry_V20150921"));
    }

    /// <summary>A Query-protocol client for any service (CloudFormation here; tests also use it to seed EC2).</summary>
    internal AwsQueryClient QueryClient(string serviceId, string signingName, string region, AWSCredentials? credentials, string apiVersion)
    {
        var endpoint = Endpoint(serviceId, signingName, region, $"https://{signingName}.{region}.{AwsPartitions.DnsSuffixOfRegion(region)}");
        return new AwsQueryClient(Sender, endpoint, credentials ?? Credentials, apiVersion);
    }

    /// <summary>
    /// The endpoint configured for the service with SDK service ID <paramref name="serviceId"/> (<c>SSM</c>, <c>STS</c>,
    /// <c>S3</c>, <c>EC2</c>, <c>CloudFormation</c>, <c>ECR</c>), or null for the regional AWS endpoint. The one rule for
    /// SDK and hand-written clients alike: <see cref="AwsContextOptions.EndpointUrl"/>; then, unless
    /// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is <c>true</c>, <c>AWS_ENDPOINT_URL_&lt;SERVICE_ID&gt;</c> (upper case,
    /// spaces as underscores), <c>AWS_ENDPOINT_URL</c> (both from the run's environment), then the profile's
    /// <c>endpoint_url</c> or <c>services</c> section (read by AWSSDK.Core).
    /// </summary>
    /// <exception cref="CopilotJobException">A variable holds something that is not an absolute http(s) URL.</exception>
    internal Uri? ConfiguredEndpoint(string serviceId)
    {
        if (options.EndpointUrl is { } url)
        {
            return url;
        }

        if (string.Equals(NonEmpty(environment.Get(IgnoreEndpointsVariable)), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return EndpointVariable($"AWS_ENDPOINT_URL_{serviceId.ToUpperInvariant().Replace(' ', '_')}")
            ?? EndpointVariable("AWS_ENDPOINT_URL")
            ?? SdkConfiguredEndpoint(serviceId);
    }

    /// <summary>
    /// Points an SDK client config at <paramref name="region"/> and the endpoint <see cref="ConfiguredEndpoint"/> gives
    /// for its service, with the run's retry settings and attempt timeout.
    /// </summary>
    internal TConfig ConfigureSdk<TConfig>(TConfig config, string region)
        where TConfig : ClientConfig
    {
        if (Profile is not null)
        {
            config.Profile = new Amazon.Profile(Profile);
        }

        Retry.Apply(config);
        config.Timeout = Deadline.AttemptTimeout;
        config.HttpClientFactory = new BoundedHttpClientFactory();
        var url = ConfiguredEndpoint(config.ServiceId)?.ToString();
        if (url is not null)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }

    /// <summary>
    /// Credentials of <paramref name="roleArn"/> assumed with the default credentials (copilot's "env session"),
    /// cached for the life of the context.
    /// </summary>
    internal Task<AWSCredentials> AssumeRoleAsync(string roleArn, string region, CancellationToken cancellationToken) =>
        roleSessions.GetOrAdd((roleArn, region), key => new Lazy<Task<AWSCredentials>>(() => AssumeRoleOnceAsync(key.Role, key.Region, cancellationToken))).Value;

    /// <summary>
    /// The credentials of <paramref name="environment"/>'s session (copilot's "env session"): its manager role assumed
    /// with the default credentials, or the default credentials when the record names no role.
    /// </summary>
    /// <exception cref="CopilotJobException">The role could not be assumed.</exception>
    internal async Task<AWSCredentials> EnvironmentCredentialsAsync(EnvironmentRecord environment, CancellationToken cancellationToken)
    {
        if (environment.ManagerRoleArn.Length == 0)
        {
            return Credentials;
        }

        try
        {
            return await AssumeRoleAsync(environment.ManagerRoleArn, environment.Region, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            throw new CopilotJobException(
                $"could not assume the manager role {environment.ManagerRoleArn} of environment {environment.Name}: {ex.ErrorCode}: {ex.ServiceMessage}",
                innerException: ex);
        }
    }

    /// <summary>The STS client for <paramref name="region"/> with the default credentials, made once per context.</summary>
    internal AmazonSecurityTokenServiceClient Sts(string region) =>
        stsClients.GetOrAdd(region, r => new Lazy<AmazonSecurityTokenServiceClient>(() => new AmazonSecurityTokenServiceClient(Credentials, ConfigureSdk(new AmazonSecurityTokenServiceConfig(), r)))).Value;

    /// <summary>The SSM client of the context's region with the default credentials, made once per context.</summary>
    internal AmazonSimpleSystemsManagementClient Ssm() => ssmClient.Value;

    /// <inheritdoc />
    public void Dispose()
    {
        if (ssmClient.IsValueCreated)
        {
            ssmClient.Value.Dispose();
        }

        foreach (var client in stsClients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }

        http.Dispose();
    }

    private async Task<AWSCredentials> AssumeRoleOnceAsync(string roleArn, string region, CancellationToken cancellationToken)
    {
        var sts = Sts(region);
        var response = await AwsSdkCall.RunAsync(
            this,
            "STS",
            "AssumeRole",
            region,
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = $"copilot-job-{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}" }, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var c = response.Credentials;
        return new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
    }

    private AwsServiceEndpoint Endpoint(string serviceId, string signingName, string region, string defaultUrl) =>
        new(serviceId, ConfiguredEndpoint(serviceId) ?? new Uri(defaultUrl), region, signingName);

    private Uri? EndpointVariable(string name)
    {
        if (NonEmpty(environment.Get(name)) is not { } value)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        throw new CopilotJobException(
            $"{name} must be an absolute http or https URL, not \"{Display.Value(value)}\"",
            recommendation: $"Set {name} to an endpoint such as http://127.0.0.1:5000, or unset it to use AWS.",
            code: CopilotJobErrorCode.AwsNotConfigured);
    }

    /// <summary>
    /// The profile's endpoint for a service (its <c>endpoint_url</c>, or its <c>services</c> section). AWSSDK.Core
    /// resolves configured endpoints lazily from <see cref="ClientConfig.ServiceId"/>, so a stock generated config
    /// re-labelled with the service ID answers for any service, also those without an SDK client here.
    /// </summary>
    private Uri? SdkConfiguredEndpoint(string serviceId)
    {
        var config = new AmazonSecurityTokenServiceConfig();
        ((ClientConfig)config).ServiceId = serviceId;
        if (Profile is not null)
        {
            config.Profile = new Amazon.Profile(Profile);
        }

        return NonEmpty(config.ServiceURL) is { } url ? new Uri(url) : null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
