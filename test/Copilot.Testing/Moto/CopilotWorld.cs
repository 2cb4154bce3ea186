using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace Copilot.Testing.Moto;

/// <summary>
/// Writes a copilot-shaped account into moto, the way copilot leaves it: SSM app and env records with copilot's JSON,
/// the env stack <c>my-app-test</c> (Metadata Version, feature parameters, exports), the StackSet
/// <c>my-app-infrastructure</c> with instances in two regions whose stacks output KMSKeyARN, PipelineBucket and an
/// ECRRepo key (with the S3 bucket and ECR repository they name), and a deployed job stack <c>my-app-test-report</c>.
/// </summary>
public sealed class CopilotWorld(MotoServer server)
{
    public const string App = "my-app";
    public const string Env = "test";
    public const string Region = "us-west-2";
    public const string OtherRegion = "us-east-1";
    public const string Job = "report";
    public const string ManagerRoleArn = "arn:aws:iam::123456789012:role/my-app-test-EnvManagerRole";
    public const string ExecutionRoleArn = "arn:aws:iam::123456789012:role/my-app-test-CFNExecutionRole";

    public const string EnvStackTemplate = """
        AWSTemplateFormatVersion: '2010-09-09'
        Description: CloudFormation environment template for infrastructure shared among Copilot workloads.
        Metadata:
          Version: v1.42.0
          Manifest: |
            name: test
            type: Environment
        Parameters:
          AppName:
            Type: String
          EnvironmentName:
            Type: String
          ALBWorkloads:
            Type: String
          EFSWorkloads:
            Type: String
          NATWorkloads:
            Type: String
          ServiceDiscoveryEndpoint:
            Type: String
        Resources:
          Cluster:
            Type: AWS::ECS::Cluster
            Properties:
              ClusterName: !Sub '${AppName}-${EnvironmentName}-Cluster'
        Outputs:
          ClusterId:
            Value: !Ref Cluster
            Export:
              Name: !Sub '${AWS::StackName}-ClusterId'
          PublicSubnets:
            Value: 'subnet-0aaa,subnet-0bbb'
            Export:
              Name: !Sub '${AWS::StackName}-PublicSubnets'
          EnvironmentSecurityGroup:
            Value: 'sg-0123'
            Export:
              Name: !Sub '${AWS::StackName}-EnvironmentSecurityGroup'

        """;

    public const string InfrastructureTemplate = """
        AWSTemplateFormatVersion: '2010-09-09'
        Metadata:
          TemplateVersion: 'v1.0.2'
        Resources:
          KMSKey:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Principal:
                      AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'
                    Action: 'kms:*'
                    Resource: '*'
          PipelineBuiltArtifactBucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub 'my-app-artifacts-${AWS::Region}'
          ECRReporeportDASHjob:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryName: my-app/report-job
        Outputs:
          KMSKeyARN:
            Value: !GetAtt KMSKey.Arn
          PipelineBucket:
            Value: !Ref PipelineBuiltArtifactBucket
          ECRReporeportDASHjob:
            Value: !GetAtt ECRReporeportDASHjob.Arn

        """;

    /// <summary>The deployed job template; comments, quotes and non-ASCII are there to prove GetTemplate is byte for byte.</summary>
    public const string JobStackTemplate = """
        # Deployed by copilot v1.29.0
        AWSTemplateFormatVersion: 2010-09-09
        Description: CloudFormation template that represents a scheduled job on Amazon ECS.
        Metadata:
          Version: v1.29.0
          Manifest: "name: report   # café <&>"
        Resources:
          LogGroup:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: /copilot/my-app-test-report

        """;

    /// <summary>Writes the whole world.</summary>
    public async Task SeedAsync()
    {
        await PutParameterAsync($"/copilot/applications/{App}", ApplicationJson(App)).ConfigureAwait(false);
        await PutParameterAsync($"/copilot/applications/{App}/environments/{Env}", EnvironmentJson(App, Env, Region, ManagerRoleArn)).ConfigureAwait(false);
        await CreateStackAsync(
            $"{App}-{Env}",
            EnvStackTemplate,
            new Dictionary<string, string>
            {
                ["AppName"] = App,
                ["EnvironmentName"] = Env,
                ["ALBWorkloads"] = string.Empty,
                ["EFSWorkloads"] = Job,
                ["NATWorkloads"] = string.Empty,
                ["ServiceDiscoveryEndpoint"] = $"{Env}.{App}.local",
            }).ConfigureAwait(false);
        await CreateInfrastructureStackSetAsync(App, [Region, OtherRegion]).ConfigureAwait(false);
        await CreateStackAsync($"{App}-{Env}-{Job}", JobStackTemplate, new Dictionary<string, string>()).ConfigureAwait(false);
    }

    /// <summary>copilot's application record JSON.</summary>
    public static string ApplicationJson(string app) =>
        $$$"""{"name":"{{{app}}}","account":"{{{MotoServer.Account}}}","domain":"","version":"1.0","permissionsBoundary":"my-boundary","tags":{"owner":"team-a","cost-center":"42"}}""";

    /// <summary>copilot's environment record JSON.</summary>
    public static string EnvironmentJson(string app, string env, string region, string managerRoleArn) =>
        $$$"""{"app":"{{{app}}}","name":"{{{env}}}","region":"{{{region}}}","accountID":"{{{MotoServer.Account}}}","registryURL":"","executionRoleARN":"arn:aws:iam::{{{MotoServer.Account}}}:role/{{{app}}}-{{{env}}}-CFNExecutionRole","managerRoleARN":"{{{managerRoleArn}}}","telemetry":{"containerInsights":false}}""";

    /// <summary>Puts a String parameter in the region.</summary>
    public async Task PutParameterAsync(string name, string value, string region = Region)
    {
        var config = new AmazonSimpleSystemsManagementConfig { ServiceURL = server.Endpoint.ToString(), AuthenticationRegion = region };
        using var ssm = new AmazonSimpleSystemsManagementClient(new BasicAWSCredentials("testing", "testing"), config);
        await ssm.PutParameterAsync(new PutParameterRequest { Name = name, Value = value, Type = ParameterType.String }).ConfigureAwait(false);
    }

    /// <summary>Creates a stack through the product's own signed Query client.</summary>
    public async Task CreateStackAsync(string name, string template, IReadOnlyDictionary<string, string> parameters, string region = Region)
    {
        var form = new List<KeyValuePair<string, string>> { new("StackName", name), new("TemplateBody", template) };
        var i = 0;
        foreach (var (key, value) in parameters)
        {
            i++;
            form.Add(new($"Parameters.member.{i}.ParameterKey", key));
            form.Add(new($"Parameters.member.{i}.ParameterValue", value));
        }

        await CallCloudFormationAsync(region, "CreateStack", form).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="InfrastructureTemplate"/> with an ECR repository <c>&lt;app&gt;/&lt;job&gt;</c> and its <c>ECRRepo*</c>
    /// output for each of <paramref name="jobs"/> too, as copilot adds them when workloads are initialised.
    /// </summary>
    public static string InfrastructureTemplateWith(string app, IReadOnlyList<string> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var resources = new System.Text.StringBuilder();
        var outputs = new System.Text.StringBuilder();
        foreach (var job in jobs)
        {
            var logicalId = "ECRRepo" + job.Replace("-", "DASH", StringComparison.Ordinal);
            resources.Append($"  {logicalId}:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: {app}/{job}\n");
            outputs.Append($"  {logicalId}:\n    Value: !GetAtt {logicalId}.Arn\n");
        }

        return InfrastructureTemplate.Replace("Outputs:\n", resources + "Outputs:\n", StringComparison.Ordinal) + outputs;
    }

    /// <summary>Creates the app's <c>&lt;app&gt;-infrastructure</c> StackSet (self-managed) with an instance per region.</summary>
    /// <param name="app">The application name.</param>
    /// <param name="regions">The regions with an instance.</param>
    /// <param name="extraJobRepositories">Jobs whose ECR repositories the StackSet holds besides <c>report-job</c>.</param>
    public async Task CreateInfrastructureStackSetAsync(string app, IReadOnlyList<string> regions, IReadOnlyList<string>? extraJobRepositories = null)
    {
        var stackSet = $"{app}-infrastructure";
        var template = InfrastructureTemplateWith(app, extraJobRepositories ?? []);
        await CallCloudFormationAsync(
            Region,
            "CreateStackSet",
            [new("StackSetName", stackSet), new("TemplateBody", template), new("PermissionModel", "SELF_MANAGED")]).ConfigureAwait(false);
        var form = new List<KeyValuePair<string, string>> { new("StackSetName", stackSet), new("Accounts.member.1", MotoServer.Account) };
        form.AddRange(regions.Select((r, index) => new KeyValuePair<string, string>($"Regions.member.{index + 1}", r)));
        await CallCloudFormationAsync(Region, "CreateStackInstances", form).ConfigureAwait(false);
    }

    /// <summary>Makes any CloudFormation Query call with dummy keys (seeding only).</summary>
    public async Task CallCloudFormationAsync(string region, string action, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var context = server.CreateContext(region);
        await context.QueryClient("CloudFormation", "cloudformation", region, null, "2010-05-15").CallAsync(action, form, CancellationToken.None).ConfigureAwait(false);
    }
}
