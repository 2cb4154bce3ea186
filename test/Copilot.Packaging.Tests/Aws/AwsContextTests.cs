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

    [TestCase("SSM", "AWS_ENDPOINT_URL_SSM")]
    [TestCase("STS", "AWS_ENDPOINT_URL_STS")]
    [TestCase("S3", "AWS_ENDPOINT_URL_S3")]
    [TestCase("EC2", "AWS_ENDPOINT_URL_EC2")]
    [TestCase("CloudFormation", "AWS_ENDPOINT_URL_CLOUDFORMATION")]
    [TestCase("ECR", "AWS_ENDPOINT_URL_ECR")]
    public void Every_service_takes_its_own_endpoint_variable_then_AWS_ENDPOINT_URL(string serviceId, string variable)
    {
        using var specific = AwsContext.Create(
            WithEnvironment(("AWS_ENDPOINT_URL", "http://127.0.0.1:1111"), (variable, "http://127.0.0.1:2222")) with { Region = "eu-west-3" }, new FakeChain(SomeCredentials, null));
        using var general = AwsContext.Create(WithEnvironment(("AWS_ENDPOINT_URL", "http://127.0.0.1:1111")) with { Region = "eu-west-3" }, new FakeChain(SomeCredentials, null));
        using var ignored = AwsContext.Create(
            WithEnvironment(("AWS_ENDPOINT_URL", "http://127.0.0.1:1111"), (variable, "http://127.0.0.1:2222"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")) with { Region = "eu-west-3" },
            new FakeChain(SomeCredentials, null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(specific.ConfiguredEndpoint(serviceId), Is.EqualTo(new Uri("http://127.0.0.1:2222")));
            Assert.That(general.ConfiguredEndpoint(serviceId), Is.EqualTo(new Uri("http://127.0.0.1:1111")));
            Assert.That(ignored.ConfiguredEndpoint(serviceId), Is.Null);
        }
    }

    [Test]
    public void The_sdk_configs_carry_their_service_ids_so_they_take_the_same_endpoints()
    {
        using var context = AwsContext.Create(
            WithEnvironment(("AWS_ENDPOINT_URL_EC2", "http://127.0.0.1:2222"), ("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:3333")) with { Region = "eu-west-3" },
            new FakeChain(SomeCredentials, null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(context.ConfigureSdk(new Amazon.EC2.AmazonEC2Config(), "eu-west-3").ServiceURL, Is.EqualTo("http://127.0.0.1:2222/"));
            Assert.That(context.ConfigureSdk(new Amazon.S3.AmazonS3Config(), "eu-west-3").ServiceURL, Is.EqualTo("http://127.0.0.1:3333/"));
        }
    }

    [Test]
    public void An_endpoint_variable_that_is_not_a_url_is_refused_naming_it()
    {
        using var context = AwsContext.Create(WithEnvironment(("AWS_ENDPOINT_URL_EC2", "localhost:5000")) with { Region = "eu-west-3" }, new FakeChain(SomeCredentials, null));

        var error = Assert.Throws<CopilotJobException>(() => context.ConfiguredEndpoint("EC2"));

        Assert.That(error.Message, Is.EqualTo("AWS_ENDPOINT_URL_EC2 must be an absolute http or https URL, not \"localhost:5000\""));
    }

    [TestCase(null, null, AwsRetryMode.Standard, 3)]
    [TestCase("standard", null, AwsRetryMode.Standard, 3)]
    [TestCase("ADAPTIVE", null, AwsRetryMode.Adaptive, 3)]
    [TestCase("legacy", null, AwsRetryMode.Legacy, 5)]
    [TestCase("legacy", "2", AwsRetryMode.Legacy, 2)]
    [TestCase(null, " 7 ", AwsRetryMode.Standard, 7)]
    public void Retry_settings_come_from_AWS_RETRY_MODE_and_AWS_MAX_ATTEMPTS(string? mode, string? attempts, AwsRetryMode expectedMode, int expectedAttempts)
    {
        var variables = new List<(string, string)>();
        if (mode is not null)
        {
            variables.Add(("AWS_RETRY_MODE", mode));
        }

        if (attempts is not null)
        {
            variables.Add(("AWS_MAX_ATTEMPTS", attempts));
        }

        using var context = AwsContext.Create(WithEnvironment([.. variables]) with { Region = "eu-west-3" }, new FakeChain(SomeCredentials, null));
        var config = context.ConfigureSdk(new Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementConfig(), "eu-west-3");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(context.Retry, Is.EqualTo(new AwsRetrySettings(expectedMode, expectedAttempts)));
            Assert.That(context.Sender.Retry.MaxAttempts, Is.EqualTo(expectedAttempts));
            Assert.That(config.MaxErrorRetry, Is.EqualTo(expectedAttempts - 1));
            Assert.That(config.RetryMode, Is.EqualTo(expectedMode == AwsRetryMode.Adaptive ? RequestRetryMode.Adaptive : RequestRetryMode.Standard));
        }
    }

    [Test]
    public void Options_win_over_the_retry_variables()
    {
        using var context = AwsContext.Create(
            WithEnvironment(("AWS_RETRY_MODE", "legacy"), ("AWS_MAX_ATTEMPTS", "9")) with { Region = "eu-west-3", RetryMode = AwsRetryMode.Adaptive, MaxAttempts = 2 },
            new FakeChain(SomeCredentials, null));

        Assert.That(context.Retry, Is.EqualTo(new AwsRetrySettings(AwsRetryMode.Adaptive, 2)));
    }

    [TestCase("AWS_MAX_ATTEMPTS", "0", "AWS_MAX_ATTEMPTS must be a whole number of attempts from 1 to 100, not \"0\"")]
    [TestCase("AWS_MAX_ATTEMPTS", "three", "AWS_MAX_ATTEMPTS must be a whole number of attempts from 1 to 100, not \"three\"")]
    [TestCase("AWS_MAX_ATTEMPTS", "101", "AWS_MAX_ATTEMPTS must be a whole number of attempts from 1 to 100, not \"101\"")]
    [TestCase("AWS_RETRY_MODE", "fast", "AWS_RETRY_MODE must be standard, adaptive or legacy, not \"fast\"")]
    public void A_retry_variable_out_of_range_is_refused_naming_it(string variable, string value, string message)
    {
        var error = Assert.Throws<CopilotJobException>(() => AwsContext.Create(WithEnvironment((variable, value)) with { Region = "eu-west-3" }, new FakeChain(SomeCredentials, null)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Is.EqualTo(message));
            Assert.That(error.Code, Is.EqualTo(CopilotJobErrorCode.AwsNotConfigured));
        }
    }
}
