using Amazon.Runtime;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Aws;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Tests.Aws;

public sealed class AwsContextTests
{
    private sealed class FakeChain(AWSCredentials? credentials, string? region) : IAwsDefaultChain
    {
        public string? ProfileAsked { get; private set; }

        public AWSCredentials? ResolveCredentials(string? profile)
        {
            ProfileAsked = profile;
            return credentials;
        }

        public string? ResolveRegion(string? profile) => region;
    }

    private static readonly AWSCredentials SomeCredentials = new BasicAWSCredentials("AKID", "secret");

    private static AwsContextOptions WithEnvironment(params (string Name, string Value)[] variables) => new()
    {
        Environment = new DictionaryEnvironmentVariables(variables.ToDictionary(v => v.Name, v => v.Value)),
    };

    [Test]
    public void Without_any_region_says_how_to_set_one()
    {
        var error = Assert.Throws<CopilotJobException>(() => AwsContext.Create(WithEnvironment(), new FakeChain(SomeCredentials, null)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Is.EqualTo("no AWS region is configured"));
            Assert.That(error.Recommendation, Does.Contain("--region").And.Contain("AWS_REGION").And.Contain("AWS_DEFAULT_REGION"));
        }
    }

    [Test]
    public void Without_any_credentials_says_how_to_provide_them_and_names_the_profile()
    {
        var error = Assert.Throws<CopilotJobException>(() =>
            AwsContext.Create(WithEnvironment() with { Profile = "dev", Region = "us-west-2" }, new FakeChain(null, null)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Is.EqualTo("no AWS credentials were found for profile dev"));
            Assert.That(error.Recommendation, Does.Contain("AWS_PROFILE").And.Contain("AWS_ACCESS_KEY_ID"));
        }
    }

    [Test]
    public void The_region_option_wins_over_the_environment_and_the_profile()
    {
        using var context = AwsContext.Create(WithEnvironment(("AWS_REGION", "eu-west-1")) with { Region = "ap-south-1" }, new FakeChain(SomeCredentials, "us-east-2"));

        Assert.That(context.Region, Is.EqualTo("ap-south-1"));
    }

    [Test]
    public void Aws_region_wins_over_aws_default_region_which_the_dotnet_sdk_alone_would_ignore()
    {
        using var both = AwsContext.Create(WithEnvironment(("AWS_REGION", "eu-west-1"), ("AWS_DEFAULT_REGION", "eu-central-1")), new FakeChain(SomeCredentials, "us-east-2"));
        using var defaultOnly = AwsContext.Create(WithEnvironment(("AWS_DEFAULT_REGION", "eu-central-1")), new FakeChain(SomeCredentials, "us-east-2"));
        using var profileOnly = AwsContext.Create(WithEnvironment(), new FakeChain(SomeCredentials, "us-east-2"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(both.Region, Is.EqualTo("eu-west-1"));
            Assert.That(defaultOnly.Region, Is.EqualTo("eu-central-1"));
            Assert.That(profileOnly.Region, Is.EqualTo("us-east-2"));
        }
    }

    [Test]
    public void The_profile_option_is_passed_to_the_credential_chain_and_reported()
    {
        var chain = new FakeChain(SomeCredentials, "us-east-2");

        using var context = AwsContext.Create(WithEnvironment() with { Profile = "dev" }, chain);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chain.ProfileAsked, Is.EqualTo("dev"));
            Assert.That(context.Profile, Is.EqualTo("dev"));
            Assert.That(context.CredentialSource, Is.EqualTo(nameof(BasicAWSCredentials)));
        }
    }

    [Test]
    public void Static_keys_replace_the_default_chain()
    {
        using var context = AwsContext.Create(WithEnvironment() with { Region = "us-west-2", AccessKey = new AwsAccessKey("AKID", "s", "token") }, new FakeChain(null, null));

        Assert.That(context.CredentialSource, Is.EqualTo(nameof(SessionAWSCredentials)));
    }

    [Test]
    public void The_access_key_record_never_prints_its_secret()
    {
        Assert.That(new AwsAccessKey("AKID", "very-secret", "token").ToString(), Does.Not.Contain("very-secret").And.Not.Contain("token"));
    }

    [Test]
    [NonParallelizable]
    [Category(Copilot.Testing.TestCategories.Moto)]
    public async Task The_cloudformation_client_honours_the_sdk_service_specific_endpoint_variable()
    {
        var server = await Copilot.Testing.Moto.SharedMoto.ServerAsync();
        const string variable = "AWS_ENDPOINT_URL_CLOUDFORMATION";
        var previous = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, server.Endpoint.ToString());
        try
        {
            using var context = AwsContext.Create(
                WithEnvironment() with { Region = "us-west-2", AccessKey = new AwsAccessKey("testing", "testing"), MaxAttempts = 1 },
                new FakeChain(null, null));

            var error = Assert.ThrowsAsync<AwsServiceException>(() => context.CloudFormation("us-west-2").DescribeStackAsync("nothing-here", CancellationToken.None));

            Assert.That(error.IsStackNotFound, Is.True, error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, previous);
        }
    }

    [Test]
    [NonParallelizable]
    public void Sdk_clients_go_to_the_regional_endpoint_when_no_endpoint_is_configured_and_to_the_override_otherwise()
    {
        string[] variables = ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SSM"];
        var previous = variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        foreach (var variable in variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        try
        {
            using var plain = AwsContext.Create(WithEnvironment() with { Region = "eu-west-3" }, new FakeChain(SomeCredentials, null));
            using var overridden = AwsContext.Create(WithEnvironment() with { Region = "eu-west-3", EndpointUrl = new Uri("http://127.0.0.1:5000") }, new FakeChain(SomeCredentials, null));

            var regional = plain.ConfigureSdk(new Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementConfig(), "eu-west-3");
            var local = overridden.ConfigureSdk(new Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementConfig(), "eu-west-3");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(regional.RegionEndpoint?.SystemName, Is.EqualTo("eu-west-3"));
                Assert.That(regional.ServiceURL, Is.Null);
                Assert.That(local.ServiceURL, Is.EqualTo("http://127.0.0.1:5000/"));
                Assert.That(local.AuthenticationRegion, Is.EqualTo("eu-west-3"));
            }
        }
        finally
        {
            foreach (var (variable, value) in previous)
            {
                Environment.SetEnvironmentVariable(variable, value);
            }
        }
    }
}
