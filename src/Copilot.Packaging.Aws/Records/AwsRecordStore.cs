using System.Collections.Concurrent;
using Amazon.SecurityToken.Model;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Records;

namespace Copilot.Packaging.Aws.Records;

/// <summary>
/// The records copilot keeps in the AWS account: SSM Parameter Store for the application and environment records,
/// the environment stack <c>&lt;app&gt;-&lt;env&gt;</c> (read as the environment's manager role, in its region) for its
/// version, features and service discovery endpoint, and the <c>&lt;app&gt;-infrastructure</c> StackSet for the
/// regional resources. Each record is read once per store; independent reads run concurrently.
/// </summary>
internal sealed class AwsRecordStore : IRecordStore
{
    private readonly AwsContext context;
    private readonly SsmParameterReader ssm;
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> parameters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<ApplicationRecord>>> applications = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string App, string Env), Lazy<Task<EnvironmentRecord>>> environments = new();
    private readonly ConcurrentDictionary<(string App, string Env), Lazy<Task<EnvironmentRecord>>> locations = new();
    private readonly ConcurrentDictionary<(string App, string Account, string Region), Lazy<Task<RegionalResources>>> regionals = new();
    private readonly Lazy<Task<string>> callerAccount;

    /// <summary>Creates the store over the run's AWS context.</summary>
    /// <param name="context">Credentials, region and endpoints; the store does not dispose it.</param>
    public AwsRecordStore(AwsContext context)
    {
        this.context = context;
        ssm = new SsmParameterReader(context);
        callerAccount = new Lazy<Task<string>>(ReadCallerAccountAsync);

        // The second wave assumes the environment's manager role: its client is made while the first wave is under way.
        _ = Task.Run(() => context.Sts(context.Region));
    }

    /// <inheritdoc />
    public string Source => $"SSM Parameter Store in {context.Region}";

    /// <inheritdoc />
    public async Task<bool> HasEnvironmentAsync(string app, string env, CancellationToken cancellationToken) =>
        await GetParameterAsync(EnvironmentParameter(app, env), $"read the record of environment {env} in application {app}", cancellationToken).ConfigureAwait(false) is not null;

    /// <inheritdoc />
    public Task<ApplicationRecord> GetApplicationAsync(string app, CancellationToken cancellationToken) =>
        applications.GetOrAdd(app, name => new Lazy<Task<ApplicationRecord>>(() => ReadApplicationAsync(name, cancellationToken))).Value;

    /// <inheritdoc />
    public Task<EnvironmentRecord> GetEnvironmentAsync(string app, string env, CancellationToken cancellationToken) =>
        environments.GetOrAdd((app, env), key => new Lazy<Task<EnvironmentRecord>>(() => ReadEnvironmentAsync(key.App, key.Env, cancellationToken))).Value;

    /// <inheritdoc />
    /// <remarks>From the SSM record alone: <see cref="EnvironmentRecord.Version"/> is empty and there are no features.</remarks>
    public Task<EnvironmentRecord> LocateEnvironmentAsync(string app, string env, CancellationToken cancellationToken) =>
        locations.GetOrAdd((app, env), key => new Lazy<Task<EnvironmentRecord>>(() => ReadLocationAsync(key.App, key.Env, cancellationToken))).Value;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListEnvironmentsAsync(string app, CancellationToken cancellationToken)
    {
        var path = $"/copilot/applications/{app}/environments/";
        IReadOnlyList<KeyValuePair<string, string>> found;
        try
        {
            found = await ssm.GetByPathAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            throw await DescribeFailureAsync($"list the environments of application {app} (SSM path {path})", ex).ConfigureAwait(false);
        }

        return found
            .Select(p => SsmRecordJson.ParseEnvironment(p.Key, p.Value).Name is { Length: > 0 } name ? name : p.Key[(p.Key.LastIndexOf('/') + 1)..])
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public Task<RegionalResources> GetRegionalResourcesAsync(ApplicationRecord app, string region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        return regionals.GetOrAdd((app.Name, app.Account, region), _ => new Lazy<Task<RegionalResources>>(() => ReadRegionalResourcesAsync(app, region, cancellationToken))).Value;
    }

    private async Task<RegionalResources> ReadRegionalResourcesAsync(ApplicationRecord app, string region, CancellationToken cancellationToken)
    {
        try
        {
            return await RegionalResourcesReader.ReadAsync(
                context.CloudFormation(context.Region),
                instanceRegion => context.CloudFormation(instanceRegion),
                app,
                region,
                cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            throw await DescribeFailureAsync($"get application {app.Name} resources from region {region} (StackSet {app.Name}-infrastructure)", ex).ConfigureAwait(false);
        }
    }

    private async Task<ApplicationRecord> ReadApplicationAsync(string app, CancellationToken cancellationToken)
    {
        var name = $"/copilot/applications/{app}";
        var json = await GetParameterAsync(name, $"read the record of application {app}", cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            var account = await callerAccount.Value.ConfigureAwait(false);
            throw new CopilotJobException(
                $"couldn't find an application named {app} in account {account} and region {context.Region} (SSM parameter {name})",
                recommendation: "Check that the AWS profile and region point at the account and region where the application was created.");
        }

        var record = SsmRecordJson.ParseApplication(name, json);
        return new ApplicationRecord
        {
            Name = record.Name.Length > 0 ? record.Name : app,
            Account = record.Account,
            PermissionsBoundary = record.PermissionsBoundary,
            Tags = record.Tags,
        };
    }

    private async Task<EnvironmentRecord> ReadLocationAsync(string app, string env, CancellationToken cancellationToken)
    {
        var name = EnvironmentParameter(app, env);
        var json = await GetParameterAsync(name, $"read the record of environment {env} in application {app}", cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            var account = await callerAccount.Value.ConfigureAwait(false);
            throw new CopilotJobException(
                $"couldn't find environment {env} in the application {app} in account {account} and region {context.Region} (SSM parameter {name})",
                recommendation: "Check the environment name, and that the AWS profile and region point at the application's account and region.");
        }

        var record = SsmRecordJson.ParseEnvironment(name, json);
        return new EnvironmentRecord
        {
            Name = record.Name.Length > 0 ? record.Name : env,
            Region = record.Region.Length > 0 ? record.Region : context.Region,
            AccountId = record.AccountId,
            ManagerRoleArn = record.ManagerRoleArn,
            ExecutionRoleArn = record.ExecutionRoleArn,
            Version = string.Empty,
        };
    }

    private async Task<EnvironmentRecord> ReadEnvironmentAsync(string app, string env, CancellationToken cancellationToken)
    {
        var record = await LocateEnvironmentAsync(app, env, cancellationToken).ConfigureAwait(false);
        var region = record.Region;
        var credentials = context.Credentials;
        if (record.ManagerRoleArn.Length > 0)
        {
            try
            {
                credentials = await context.AssumeRoleAsync(record.ManagerRoleArn, region, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex)
            {
                throw await DescribeFailureAsync($"assume the manager role {record.ManagerRoleArn} of environment {env} in application {app}", ex).ConfigureAwait(false);
            }
        }

        EnvironmentStackFacts facts;
        try
        {
            facts = await EnvironmentStackReader.ReadAsync(context.CloudFormation(region, credentials), app, env, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsStackNotFound)
        {
            throw new CopilotJobException(
                $"the stack {app}-{env} of environment {env} in application {app} does not exist in account {record.AccountId} and region {region}",
                recommendation: $"Run `copilot env deploy --name {env}` to deploy the environment first.",
                innerException: ex);
        }
        catch (AwsServiceException ex)
        {
            throw Describe($"read the stack {app}-{env} of environment {env} in application {app} (account {record.AccountId}, region {region})", ex);
        }

        if (facts.Version == EnvironmentStackReader.BootstrapVersion)
        {
            throw new CopilotJobException(
                $"cannot deploy a service to an undeployed environment. Please run \"copilot env deploy --name {env}\" to deploy the environment first");
        }

        return record with
        {
            Version = facts.Version,
            Features = facts.Features,
            ServiceDiscoveryEndpoint = facts.ServiceDiscoveryEndpoint,
        };
    }

    private Task<string?> GetParameterAsync(string name, string purpose, CancellationToken cancellationToken) =>
        parameters.GetOrAdd(name, key => new Lazy<Task<string?>>(() => ReadParameterAsync(key, purpose, cancellationToken))).Value;

    private async Task<string?> ReadParameterAsync(string name, string purpose, CancellationToken cancellationToken)
    {
        try
        {
            return await ssm.GetAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            throw await DescribeFailureAsync($"{purpose} (SSM parameter {name})", ex).ConfigureAwait(false);
        }
    }

    private async Task<CopilotJobException> DescribeFailureAsync(string what, AwsServiceException ex)
    {
        var account = await callerAccount.Value.ConfigureAwait(false);
        return Describe($"{what} in account {account} and region {context.Region}", ex);
    }

    private CopilotJobException Describe(string what, AwsServiceException ex) =>
        new(
            $"could not {what}: {ex.ErrorCode}: {ex.ServiceMessage}",
            recommendation: ex.IsAccessDenied
                ? $"Check that the AWS credentials ({context.CredentialSource}{(context.Profile is null ? string.Empty : $", profile {context.Profile}")}) are valid and allow {ServicePrefix(ex.Service)}:{ex.Operation}."
                : null,
            innerException: ex);

    private async Task<string> ReadCallerAccountAsync()
    {
        try
        {
            var sts = context.Sts(context.Region);
            var identity = await AwsSdkCall.RunAsync(context, "STS", "GetCallerIdentity", context.Region, () => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()), CancellationToken.None).ConfigureAwait(false);
            return identity.Account;
        }
        catch (CopilotJobException)
        {
            return "unknown";
        }
    }

    private static string ServicePrefix(string service) => service switch
    {
        "CloudFormation" => "cloudformation",
        "SSM" => "ssm",
        "STS" => "sts",
        "ECR" => "ecr",
        _ => service.ToLowerInvariant(),
    };

    private static string EnvironmentParameter(string app, string env) => $"/copilot/applications/{app}/environments/{env}";
}
