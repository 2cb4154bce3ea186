using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Copilot.Packaging.Synthesis.EnvController;

namespace Copilot.Testing.Moto;

/// <summary>
/// A copilot-shaped account in which our job templates can really be created (CreateStack → CREATE_COMPLETE on the
/// patched moto of <c>test/moto/moto_harness.py</c>): the SSM records and the <c>my-app-infrastructure</c> StackSet of
/// <see cref="CopilotWorld"/>, an env stack <c>my-app-test</c> that also exports PrivateSubnets and outputs
/// ManagedFileSystemID (a real EFS file system, for the env-controller's answer), and the env-controller zip at its
/// key in the region's artifact bucket. No workload stack is created. <paramref name="extraJobRepositories"/> adds ECR
/// repositories (and StackSet outputs) for more jobs, for example the example workspace's <c>report-generator</c>.
/// </summary>
public sealed class DeployableWorld(MotoServer server, IReadOnlyList<string>? extraJobRepositories = null)
{
    /// <summary>The artifact bucket the StackSet instance creates in <see cref="CopilotWorld.Region"/>.</summary>
    public const string Bucket = "my-app-artifacts-us-west-2";

    public const string EnvStackTemplate = """
        AWSTemplateFormatVersion: '2010-09-09'
        Description: CloudFormation environment template for infrastructure shared among Copilot workloads.
        Metadata:
          Version: v1.42.0
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
          FileSystem:
            Type: AWS::EFS::FileSystem
        Outputs:
          ClusterId:
            Value: !Ref Cluster
            Export:
              Name: !Sub '${AWS::StackName}-ClusterId'
          PublicSubnets:
            Value: 'subnet-0aaa,subnet-0bbb'
            Export:
              Name: !Sub '${AWS::StackName}-PublicSubnets'
          PrivateSubnets:
            Value: 'subnet-0ccc,subnet-0ddd'
            Export:
              Name: !Sub '${AWS::StackName}-PrivateSubnets'
          EnvironmentSecurityGroup:
            Value: 'sg-0123'
            Export:
              Name: !Sub '${AWS::StackName}-EnvironmentSecurityGroup'
          ManagedFileSystemID:
            Value: !Ref FileSystem

        """;

    private readonly CopilotWorld world = new(server);

    /// <summary>The seeding helpers of the basic world (parameters, stacks, Query calls).</summary>
    public CopilotWorld Basic => world;

    /// <summary>Writes the whole world.</summary>
    public async Task SeedAsync()
    {
        await world.PutParameterAsync($"/copilot/applications/{CopilotWorld.App}", CopilotWorld.ApplicationJson(CopilotWorld.App)).ConfigureAwait(false);
        await world.PutParameterAsync(
            $"/copilot/applications/{CopilotWorld.App}/environments/{CopilotWorld.Env}",
            CopilotWorld.EnvironmentJson(CopilotWorld.App, CopilotWorld.Env, CopilotWorld.Region, CopilotWorld.ManagerRoleArn)).ConfigureAwait(false);
        await world.CreateStackAsync(
            $"{CopilotWorld.App}-{CopilotWorld.Env}",
            EnvStackTemplate,
            new Dictionary<string, string>
            {
                ["AppName"] = CopilotWorld.App,
                ["EnvironmentName"] = CopilotWorld.Env,
                ["ALBWorkloads"] = string.Empty,
                ["EFSWorkloads"] = string.Empty,
                ["NATWorkloads"] = string.Empty,
                ["ServiceDiscoveryEndpoint"] = $"{CopilotWorld.Env}.{CopilotWorld.App}.local",
            }).ConfigureAwait(false);
        await world.CreateInfrastructureStackSetAsync(CopilotWorld.App, [CopilotWorld.Region, CopilotWorld.OtherRegion], extraJobRepositories).ConfigureAwait(false);
        await PutEnvControllerCodeAsync().ConfigureAwait(false);
    }

    /// <summary>Uploads the env-controller zip where our templates point (<c>EnvControllerFunction.Code</c>).</summary>
    public async Task PutEnvControllerCodeAsync()
    {
        var config = new AmazonS3Config { ServiceURL = server.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = CopilotWorld.Region };
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("testing", "testing"), config);
        using var body = new MemoryStream(EnvControllerCode.Zip.ToArray());
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = EnvControllerCode.S3Key, InputStream = body }).ConfigureAwait(false);
    }

    /// <summary>Creates a stack with parameters and tags (as <c>copilot deploy</c> would from a template and its configuration).</summary>
    public Task CreateStackAsync(string name, string template, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, string> tags) =>
        world.CallCloudFormationAsync(CopilotWorld.Region, "CreateStack", StackForm(name, template, parameters, tags));

    /// <summary>The status of a stack, for example <c>CREATE_COMPLETE</c>.</summary>
    public async Task<string> StackStatusAsync(string name)
    {
        using var context = server.CreateContext(CopilotWorld.Region);
        var response = await context.QueryClient("CloudFormation", "cloudformation", CopilotWorld.Region, null, "2010-05-15")
            .CallAsync("DescribeStacks", [new("StackName", name)], CancellationToken.None).ConfigureAwait(false);
        return response.Descendants().First(e => e.Name.LocalName == "StackStatus").Value;
    }

    private static List<KeyValuePair<string, string>> StackForm(
        string name, string template, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, string> tags)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("StackName", name),
            new("TemplateBody", template),
            new("Capabilities.member.1", "CAPABILITY_IAM"),
        };
        var i = 0;
        foreach (var (key, value) in parameters)
        {
            i++;
            form.Add(new($"Parameters.member.{i}.ParameterKey", key));
            form.Add(new($"Parameters.member.{i}.ParameterValue", value));
        }

        i = 0;
        foreach (var (key, value) in tags)
        {
            i++;
            form.Add(new($"Tags.member.{i}.Key", key));
            form.Add(new($"Tags.member.{i}.Value", value));
        }

        return form;
    }
}
