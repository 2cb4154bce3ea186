using Copilot.Packaging.Errors;
using Copilot.Packaging.Records.Workspace;

namespace Copilot.Packaging.Tests.Records;

public class WorkspaceRecordStoreTests
{
    private const string Records = """
        application:
          name: my-app
          account: "123456789123"
          permissionsBoundary: boundary
          tags: {cost-center: "42"}
          regions:
            us-west-2:
              bucket: my-bucket
              kmsKeyARN: arn:aws:kms:us-west-2:123456789123:key/abc
              repositories: {report-generator: 123456789123.dkr.ecr.us-west-2.amazonaws.com/my-app/report-generator}
        environments:
          test:
            region: us-west-2
            accountID: "123456789123"
            managerRoleARN: arn:aws:iam::123456789123:role/my-app-test-EnvManagerRole
            version: v1.42.0
            features: [EFSWorkloads, NATWorkloads]
          prod:
            region: us-west-2
            accountID: "123456789123"
            version: v1.41.0
            serviceDiscoveryEndpoint: prod.my-app.local
        """;

    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task Reads_application_environment_and_regional_records()
    {
        var store = WorkspaceRecordStore.Parse(Records, "copilot/.records.yml");

        var app = await store.GetApplicationAsync("my-app", None);
        var env = await store.GetEnvironmentAsync("my-app", "test", None);
        var regional = await store.GetRegionalResourcesAsync(app, env.Region, None);

        Assert.Multiple(() =>
        {
            Assert.That(app.Account, Is.EqualTo("123456789123"));
            Assert.That(app.PermissionsBoundary, Is.EqualTo("boundary"));
            Assert.That(app.Tags["cost-center"], Is.EqualTo("42"));
            Assert.That(env.Version, Is.EqualTo("v1.42.0"));
            Assert.That(env.Features, Is.EqualTo(new[] { "EFSWorkloads", "NATWorkloads" }));
            Assert.That(env.ServiceDiscoveryEndpoint, Is.Null);
            Assert.That(regional.Bucket, Is.EqualTo("my-bucket"));
            Assert.That(regional.Repositories["report-generator"], Does.EndWith("/my-app/report-generator"));
        });
    }

    [Test]
    public async Task Lists_environments_sorted()
    {
        var store = WorkspaceRecordStore.Parse(Records, "copilot/.records.yml");

        Assert.That(await store.ListEnvironmentsAsync("my-app", None), Is.EqualTo(new[] { "prod", "test" }));
        Assert.That(await store.HasEnvironmentAsync("my-app", "staging", None), Is.False);
    }

    [Test]
    public void Unknown_environment_names_the_file_and_the_known_environments()
    {
        var store = WorkspaceRecordStore.Parse(Records, "copilot/.records.yml");

        var ex = Assert.ThrowsAsync<CopilotJobException>(() => store.GetEnvironmentAsync("my-app", "staging", None));

        Assert.That(ex!.Message, Does.Contain("couldn't find environment staging in the application my-app")
            .And.Contain("copilot/.records.yml").And.Contain("prod, test"));
    }

    [Test]
    public void Another_application_is_refused_with_the_file_name()
    {
        var store = WorkspaceRecordStore.Parse(Records, "copilot/.records.yml");

        var ex = Assert.ThrowsAsync<CopilotJobException>(() => store.GetApplicationAsync("other", None));

        Assert.That(ex!.Message, Does.Contain("other").And.Contain("copilot/.records.yml describes application my-app"));
    }

    [Test]
    public void Missing_required_field_is_located()
    {
        var ex = Assert.Throws<CopilotJobException>(() => WorkspaceRecordStore.Parse(
            "application:\n  name: my-app\nenvironments: {}\n", "copilot/.records.yml"));

        Assert.That(ex!.Describe(), Is.EqualTo("copilot/.records.yml:2:3: application.account is required"));
    }

    [Test]
    public void Invalid_yaml_is_located()
    {
        var ex = Assert.Throws<CopilotJobException>(() => WorkspaceRecordStore.Parse("application: [\n", "copilot/.records.yml"));

        Assert.That(ex!.Describe(), Does.StartWith("copilot/.records.yml:").And.Contain("not valid YAML"));
    }

    [Test]
    public void An_alias_bomb_is_refused_with_a_located_error()
    {
        var bomb = new System.Text.StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{(char)('a' + i)}: &{(char)('a' + i)} [*{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}]\n");
        }

        var ex = Assert.Throws<CopilotJobException>(() => WorkspaceRecordStore.Parse(bomb.ToString(), "copilot/.records.yml"));

        Assert.That(ex!.Describe(), Does.StartWith("copilot/.records.yml:"));
    }
}
