using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Records;
using Copilot.Packaging.Records.Export;
using Copilot.Packaging.Records.Workspace;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Tests.Support;

namespace Copilot.Packaging.Tests.Records.Export;

/// <summary>The exporter writes what the records parser reads back, value for value, whatever YAML would misread.</summary>
public sealed class RecordsExporterTests
{
    // A source store with values YAML 1.1/1.2 would take for numbers, booleans or null if written plain.
    private const string SourceText = """
        application:
          name: my-app
          account: "012345678901"
          tags:
            "yes": "true"
            empty: ""
            number: "1e3"
            tilde: "~"
          regions:
            eu-west-1:
              bucket: "0123"
              kmsKeyARN: "arn:aws:kms:eu-west-1:012345678901:key/k"
              repositories:
                job-a: "012345678901.dkr.ecr.eu-west-1.amazonaws.com/my-app/job-a"
        environments:
          "on":
            region: eu-west-1
            accountID: "012345678901"
            version: "v1.0"
            serviceDiscoveryEndpoint: "null"
            features: ["NATWorkloads", "true"]
        """;

    private TempDirectory _workspace = null!;

    [SetUp]
    public void CreateWorkspace()
    {
        _workspace = new TempDirectory();
        _workspace.Write("copilot/.workspace", "application: my-app\n");
    }

    [TearDown]
    public void DeleteWorkspace() => _workspace.Dispose();

    [Test]
    public async Task The_written_file_reads_back_as_the_same_records()
    {
        var source = WorkspaceRecordStore.Parse(SourceText, "source.yml");

        var result = await ExportAsync(source, "on");

        Assert.That(result.Created, Is.True);
        Assert.That(result.DisplayPath, Is.EqualTo("copilot/.records.yml"));
        var written = WorkspaceRecordStore.Parse(File.ReadAllText(result.FilePath), result.DisplayPath);
        await AssertSameRecordsAsync(written, source, "on", "eu-west-1");
    }

    [Test]
    public async Task An_environment_without_roles_omits_them_and_reads_back_empty()
    {
        var source = WorkspaceRecordStore.Parse(SourceText, "source.yml");

        var result = await ExportAsync(source, "on");

        var text = File.ReadAllText(result.FilePath);
        Assert.That(text, Does.Not.Contain("managerRoleARN").And.Not.Contain("executionRoleARN").And.Not.Contain("permissionsBoundary"));
        var env = await WorkspaceRecordStore.Parse(text, "x").GetEnvironmentAsync("my-app", "on", CancellationToken.None);
        Assert.That(env.ManagerRoleArn, Is.Empty);
    }

    [Test]
    public void An_invalid_existing_file_is_reported_at_its_location_and_left_alone()
    {
        var path = _workspace.Write("copilot/.records.yml", "application:\n  name: my-app\n  account: [1]\n");
        var source = WorkspaceRecordStore.Parse(SourceText, "source.yml");

        var error = Assert.ThrowsAsync<CopilotJobException>(() => ExportAsync(source, "on"));

        Assert.That(error.Describe(), Does.StartWith("copilot/.records.yml:3:"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("application:\n  name: my-app\n  account: [1]\n"));
    }

    [Test]
    public async Task Exporting_twice_gives_the_same_bytes()
    {
        var source = WorkspaceRecordStore.Parse(SourceText, "source.yml");

        var first = await ExportAsync(source, "on");
        var once = File.ReadAllBytes(first.FilePath);
        var second = await ExportAsync(source, "on");

        Assert.That(second.Created, Is.False);
        Assert.That(File.ReadAllBytes(second.FilePath), Is.EqualTo(once));
    }

    private Task<RecordsExportResult> ExportAsync(IRecordStore source, string env) =>
        new RecordsExporter(new FileSystem(), NullPackagingReporter.Instance)
            .ExportAsync(new RecordsExportRequest { WorkingDirectory = _workspace.Path, EnvironmentName = env }, source, CancellationToken.None);

    private static async Task AssertSameRecordsAsync(IRecordStore actual, IRecordStore expected, string env, string region)
    {
        var ct = CancellationToken.None;
        var (a, e) = (await actual.GetApplicationAsync("my-app", ct), await expected.GetApplicationAsync("my-app", ct));
        var (ae, ee) = (await actual.GetEnvironmentAsync("my-app", env, ct), await expected.GetEnvironmentAsync("my-app", env, ct));
        var (ar, er) = (await actual.GetRegionalResourcesAsync(a, region, ct), await expected.GetRegionalResourcesAsync(e, region, ct));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(a with { Tags = e.Tags }, Is.EqualTo(e));
            Assert.That(a.Tags, Is.EqualTo(e.Tags));
            Assert.That(ae with { Features = ee.Features }, Is.EqualTo(ee));
            Assert.That(ae.Features, Is.EqualTo(ee.Features));
            Assert.That(ar with { Repositories = er.Repositories }, Is.EqualTo(er));
            Assert.That(ar.Repositories, Is.EqualTo(er.Repositories));
        }
    }
}
