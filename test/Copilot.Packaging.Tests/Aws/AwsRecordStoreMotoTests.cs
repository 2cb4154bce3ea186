using Copilot.Packaging.Aws;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Aws.Records;
using Copilot.Packaging.Synthesis;
using Copilot.Testing.Moto;

namespace Copilot.Packaging.Tests.Aws;

[TestFixture]
public sealed class AwsRecordStoreMotoTests
{
    private MotoServer server = null!;
    private CopilotWorld world = null!;

    [OneTimeSetUp]
    public async Task StartMotoAndSeed()
    {
        server = await MotoServer.StartAsync();
        world = new CopilotWorld(server);
        await world.SeedAsync();
    }

    [OneTimeTearDown]
    public void StopMoto() => server?.Dispose();

    [Test]
    public async Task Reads_the_application_record_with_copilot_json_fields()
    {
        using var context = server.CreateContext();
        var app = await new AwsRecordStore(context).GetApplicationAsync(CopilotWorld.App, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(app.Name, Is.EqualTo("my-app"));
            Assert.That(app.Account, Is.EqualTo(MotoServer.Account));
            Assert.That(app.PermissionsBoundary, Is.EqualTo("my-boundary"));
            Assert.That(app.Tags, Is.EquivalentTo(new Dictionary<string, string> { ["owner"] = "team-a", ["cost-center"] = "42" }));
        }
    }

    [Test]
    public async Task Reads_the_environment_record_and_its_stack_facts_as_the_manager_role()
    {
        using var context = server.CreateContext();
        var env = await new AwsRecordStore(context).GetEnvironmentAsync(CopilotWorld.App, CopilotWorld.Env, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(env.Name, Is.EqualTo("test"));
            Assert.That(env.Region, Is.EqualTo(CopilotWorld.Region));
            Assert.That(env.AccountId, Is.EqualTo(MotoServer.Account));
            Assert.That(env.ManagerRoleArn, Is.EqualTo(CopilotWorld.ManagerRoleArn));
            Assert.That(env.ExecutionRoleArn, Is.EqualTo(CopilotWorld.ExecutionRoleArn));
            Assert.That(env.Version, Is.EqualTo("v1.42.0"));
            Assert.That(env.Features, Is.EqualTo(new[] { "ALBWorkloads", "EFSWorkloads", "NATWorkloads" }));
            Assert.That(env.ServiceDiscoveryEndpoint, Is.EqualTo("test.my-app.local"));
        }
    }

    [Test]
    public async Task An_environment_stack_without_metadata_or_endpoint_gets_v0_and_the_app_local_default()
    {
        await world.PutParameterAsync("/copilot/applications/my-app/environments/legacy", CopilotWorld.EnvironmentJson("my-app", "legacy", CopilotWorld.Region, ""));
        await world.CreateStackAsync("my-app-legacy", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n", new Dictionary<string, string>());
        using var context = server.CreateContext();

        var env = await new AwsRecordStore(context).GetEnvironmentAsync("my-app", "legacy", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(env.Version, Is.EqualTo("v0.0.0"));
            Assert.That(env.Features, Is.Empty);
            Assert.That(env.ServiceDiscoveryEndpoint, Is.EqualTo("my-app.local"));
        }
    }

    [Test]
    public async Task A_bootstrap_environment_is_refused_with_copilots_advice()
    {
        await world.PutParameterAsync("/copilot/applications/my-app/environments/boot", CopilotWorld.EnvironmentJson("my-app", "boot", CopilotWorld.Region, CopilotWorld.ManagerRoleArn));
        await world.CreateStackAsync("my-app-boot", "AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n  Version: bootstrap\nResources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n", new Dictionary<string, string>());
        using var context = server.CreateContext();

        var error = Assert.ThrowsAsync<CopilotJobException>(() => new AwsRecordStore(context).GetEnvironmentAsync("my-app", "boot", CancellationToken.None));

        Assert.That(error.Message, Is.EqualTo("cannot deploy a service to an undeployed environment. Please run \"copilot env deploy --name boot\" to deploy the environment first"));
    }

    [Test]
    public async Task Reads_the_regional_resources_of_the_app_stackset_instance_in_the_environment_region()
    {
        using var context = server.CreateContext();
        var store = new AwsRecordStore(context);
        var app = await store.GetApplicationAsync(CopilotWorld.App, CancellationToken.None);

        var resources = await store.GetRegionalResourcesAsync(app, CopilotWorld.Region, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(resources.Region, Is.EqualTo("us-west-2"));
            Assert.That(resources.Bucket, Is.EqualTo("my-app-artifacts-us-west-2"));
            Assert.That(resources.KmsKeyArn, Does.StartWith("arn:aws:kms:us-west-2:123456789012:key/"));
            Assert.That(resources.Repositories, Is.EquivalentTo(new Dictionary<string, string>
            {
                ["report-job"] = "123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/report-job",
            }));
        }
    }

    [Test]
    public async Task Picks_the_instance_of_the_asked_region_when_the_stackset_spans_several()
    {
        using var context = server.CreateContext();
        var store = new AwsRecordStore(context);
        var app = await store.GetApplicationAsync(CopilotWorld.App, CancellationToken.None);

        var resources = await store.GetRegionalResourcesAsync(app, CopilotWorld.OtherRegion, CancellationToken.None);

        Assert.That(resources.Bucket, Is.EqualTo("my-app-artifacts-us-east-1"));
    }

    [Test]
    public async Task A_region_without_a_stackset_instance_names_app_region_and_account()
    {
        using var context = server.CreateContext();
        var store = new AwsRecordStore(context);
        var app = await store.GetApplicationAsync(CopilotWorld.App, CancellationToken.None);

        var error = Assert.ThrowsAsync<CopilotJobException>(() => store.GetRegionalResourcesAsync(app, "eu-west-1", CancellationToken.None));

        Assert.That(error.Message, Is.EqualTo("no regional resources for application my-app in region eu-west-1 found (StackSet my-app-infrastructure, account 123456789012)"));
    }

    [Test]
    public async Task Lists_environment_names_sorted_across_every_page()
    {
        var names = Enumerable.Range(1, 13).Select(i => $"env{i:D2}").Reverse().ToList();
        foreach (var name in names)
        {
            await world.PutParameterAsync($"/copilot/applications/many/environments/{name}", CopilotWorld.EnvironmentJson("many", name, CopilotWorld.Region, ""));
        }

        await world.PutParameterAsync("/copilot/applications/many/environments/env01/nested", "{}");
        using var context = server.CreateContext();

        var listed = await new AwsRecordStore(context).ListEnvironmentsAsync("many", CancellationToken.None);

        Assert.That(listed, Is.EqualTo(names.Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task Has_environment_is_true_for_a_recorded_environment_and_false_otherwise()
    {
        using var context = server.CreateContext();
        var store = new AwsRecordStore(context);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await store.HasEnvironmentAsync(CopilotWorld.App, CopilotWorld.Env, CancellationToken.None), Is.True);
            Assert.That(await store.HasEnvironmentAsync(CopilotWorld.App, "staging", CancellationToken.None), Is.False);
        }
    }

    [Test]
    public void A_missing_application_names_app_account_and_region()
    {
        using var context = server.CreateContext();

        var error = Assert.ThrowsAsync<CopilotJobException>(() => new AwsRecordStore(context).GetApplicationAsync("ghost", CancellationToken.None));

        Assert.That(error.Message, Is.EqualTo("couldn't find an application named ghost in account 123456789012 and region us-west-2 (SSM parameter /copilot/applications/ghost)"));
    }

    [Test]
    public void A_missing_environment_names_app_env_account_and_region()
    {
        using var context = server.CreateContext();

        var error = Assert.ThrowsAsync<CopilotJobException>(() => new AwsRecordStore(context).GetEnvironmentAsync(CopilotWorld.App, "staging", CancellationToken.None));

        Assert.That(error.Message, Is.EqualTo("couldn't find environment staging in the application my-app in account 123456789012 and region us-west-2 (SSM parameter /copilot/applications/my-app/environments/staging)"));
    }

    [Test]
    public async Task An_environment_whose_stack_is_gone_says_so_and_advises_env_deploy()
    {
        await world.PutParameterAsync("/copilot/applications/my-app/environments/gone", CopilotWorld.EnvironmentJson("my-app", "gone", CopilotWorld.Region, CopilotWorld.ManagerRoleArn));
        using var context = server.CreateContext();

        var error = Assert.ThrowsAsync<CopilotJobException>(() => new AwsRecordStore(context).GetEnvironmentAsync("my-app", "gone", CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Is.EqualTo("the stack my-app-gone of environment gone in application my-app does not exist in account 123456789012 and region us-west-2"));
            Assert.That(error.Recommendation, Is.EqualTo("Run `copilot env deploy --name gone` to deploy the environment first."));
        }
    }

    [Test]
    public async Task A_plain_package_makes_eight_aws_calls_where_copilot_makes_about_ten()
    {
        var observer = new RecordingCallObserver();
        using var context = server.CreateContext(observer: observer);
        var store = new AwsRecordStore(context);

        // What the packager does: validate the env, read env and app together, then resources and the deployed version.
        Assert.That(await store.HasEnvironmentAsync(CopilotWorld.App, CopilotWorld.Env, CancellationToken.None), Is.True);
        var envTask = store.GetEnvironmentAsync(CopilotWorld.App, CopilotWorld.Env, CancellationToken.None);
        var appTask = store.GetApplicationAsync(CopilotWorld.App, CancellationToken.None);
        await Task.WhenAll(envTask, appTask);
        var env = await envTask;
        var resourcesTask = store.GetRegionalResourcesAsync(await appTask, env.Region, CancellationToken.None);
        var reader = await WorkloadStackReader.ForEnvironmentAsync(context, env, CancellationToken.None);
        var versionTask = reader.GetDeployedVersionAsync(WorkloadStackName.Of(CopilotWorld.App, CopilotWorld.Env, CopilotWorld.Job), CancellationToken.None);
        await Task.WhenAll(resourcesTask, versionTask);

        Assert.That(observer.SortedCalls, Is.EqualTo(new[]
        {
            "CloudFormation:DescribeStacks",
            "CloudFormation:DescribeStacks",
            "CloudFormation:GetTemplateSummary",
            "CloudFormation:GetTemplateSummary",
            "CloudFormation:ListStackInstances",
            "SSM:GetParameter",
            "SSM:GetParameter",
            "STS:AssumeRole",
        }));
    }
}
