using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Jobs;
using Copilot.Packaging.Records;
using Copilot.Packaging.Records.Workspace;
using Copilot.Packaging.Tests.Upload;

namespace Copilot.Packaging.Tests.Jobs;

/// <summary>
/// A records file that lacks the environment or application: its fact comes first, AWS is asked only when configured,
/// and an AWS failure is reported together with the fact.
/// </summary>
public class RecordsFileMissTests
{
    private const string Records = """
        application:
          name: my-app
          account: "123456789123"
          regions:
            us-west-2: {bucket: my-bucket, kmsKeyARN: "arn:aws:kms:us-west-2:123456789123:key/abc"}
        environments:
          test: {region: us-west-2, accountID: "123456789123", version: v1.42.0}
          prod: {region: us-west-2, accountID: "123456789123", version: v1.42.0}
        """;

    private static readonly CancellationToken None = CancellationToken.None;

    private readonly WorkspaceRecordStore _file = WorkspaceRecordStore.Parse(Records, "copilot/.records.yml");

    [Test]
    public async Task An_environment_the_file_has_comes_from_the_file_and_aws_is_never_asked()
    {
        var resolver = new RecordStoreResolver(new FileSystem(), () => throw new AssertionException("AWS was asked"), new RecordingReporter());

        var store = await resolver.ForEnvironmentAsync(_file, "my-app", "prod", None);

        Assert.That(store, Is.SameAs(_file));
    }

    [Test]
    public async Task Aws_not_configured_gives_the_files_fact_first_with_the_reason_and_both_ways_out()
    {
        var notConfigured = new CopilotJobException("no AWS region is configured", recommendation: "Set one with --region.", code: CopilotJobErrorCode.AwsNotConfigured);
        var resolver = new RecordStoreResolver(new FileSystem(), () => throw notConfigured, new RecordingReporter());
        var store = await resolver.ForEnvironmentAsync(_file, "my-app", "staging", None);

        var error = Assert.ThrowsAsync<CopilotJobException>(() => store.GetEnvironmentAsync("my-app", "staging", None))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Is.EqualTo(
                "environment 'staging' is not in copilot/.records.yml (it has: prod, test), and it could not be looked up in AWS: no AWS region is configured"));
            Assert.That(error.Code, Is.EqualTo(CopilotJobErrorCode.RecordNotFound));
            Assert.That(error.Recommendation, Does.StartWith("Use one of the environments it has (-e prod or -e test)")
                .And.Contain("`dotnet copilot-job records export -e staging`")
                .And.EndWith("Set one with --region."));
            Assert.That(error.InnerException, Is.SameAs(notConfigured));
        }
    }

    [Test]
    public async Task An_unknown_application_names_the_application_the_file_has()
    {
        var resolver = new RecordStoreResolver(new FileSystem(), null, new RecordingReporter());
        var store = await resolver.ForEnvironmentAsync(_file, "other-app", "test", None);

        var error = Assert.ThrowsAsync<CopilotJobException>(() => store.GetApplicationAsync("other-app", None))!;

        Assert.That(error.Message, Is.EqualTo(
            "application 'other-app' is not in copilot/.records.yml (it has: my-app), and it could not be looked up in AWS: this run has no AWS access"));
        Assert.That(error.Recommendation, Does.StartWith("Use the application it has (-a my-app"));
    }

    [Test]
    public async Task An_unknown_application_without_an_environment_is_explained_before_listing()
    {
        var resolver = new RecordStoreResolver(new FileSystem(), null, new RecordingReporter());
        var store = await resolver.ForListingAsync(_file, "other-app", None);

        var error = Assert.ThrowsAsync<CopilotJobException>(() => store.ListEnvironmentsAsync("other-app", None))!;

        Assert.That(error.Message, Does.StartWith("application 'other-app' is not in copilot/.records.yml (it has: my-app)"));
    }

    [Test]
    public async Task A_failure_in_aws_is_reported_together_with_the_files_fact()
    {
        var aws = new FailingStore(new CopilotJobException("couldn't find environment staging in the application my-app", recommendation: "Check the account."));
        var resolver = new RecordStoreResolver(new FileSystem(), () => aws, new RecordingReporter());
        var store = await resolver.ForEnvironmentAsync(_file, "my-app", "staging", None);

        var error = Assert.ThrowsAsync<CopilotJobException>(() => store.GetEnvironmentAsync("my-app", "staging", None))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Is.EqualTo(
                "environment 'staging' is not in copilot/.records.yml (it has: prod, test), and looking it up in AWS failed: couldn't find environment staging in the application my-app"));
            Assert.That(error.Recommendation, Is.EqualTo("Use one of the environments it has (-e prod or -e test). Check the account."));
            Assert.That(error.Code, Is.EqualTo(CopilotJobErrorCode.RecordNotFound));
        }
    }

    [Test]
    public async Task A_record_found_in_aws_is_used_with_a_notice_that_names_the_file_first()
    {
        var environment = new EnvironmentRecord { Name = "staging", Region = "us-west-2", AccountId = "123456789123", Version = "v1.42.0" };
        var reporter = new RecordingReporter();
        var resolver = new RecordStoreResolver(new FileSystem(), () => new FailingStore(null, environment), reporter);
        var store = await resolver.ForEnvironmentAsync(_file, "my-app", "staging", None);

        var record = await store.GetEnvironmentAsync("my-app", "staging", None);

        Assert.That(record, Is.SameAs(environment));
        Assert.That(store.Source, Is.EqualTo("the fake store"));
        Assert.That(reporter.Infos, Is.EqualTo(new[] { "environment 'staging' is not in copilot/.records.yml (it has: prod, test); reading it from the fake store." }));
    }

    /// <summary>An AWS stand-in: throws <paramref name="error"/> from every call, or returns <paramref name="environment"/>.</summary>
    private sealed class FailingStore(CopilotJobException? error, EnvironmentRecord? environment = null) : IRecordStore
    {
        public string Source => "the fake store";

        public Task<bool> HasEnvironmentAsync(string app, string env, CancellationToken cancellationToken) => Answer(true);

        public Task<ApplicationRecord> GetApplicationAsync(string app, CancellationToken cancellationToken) => Fail<ApplicationRecord>();

        public Task<EnvironmentRecord> GetEnvironmentAsync(string app, string env, CancellationToken cancellationToken) => Answer(environment!);

        public Task<IReadOnlyList<string>> ListEnvironmentsAsync(string app, CancellationToken cancellationToken) => Answer<IReadOnlyList<string>>([]);

        public Task<RegionalResources> GetRegionalResourcesAsync(ApplicationRecord app, string region, CancellationToken cancellationToken) => Fail<RegionalResources>();

        private Task<T> Fail<T>() => Task.FromException<T>((Exception?)error ?? new NotSupportedException());

        private Task<T> Answer<T>(T value) => error is null ? Task.FromResult(value) : Task.FromException<T>(error);
    }
}
