using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Jobs;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Tests.Support;

namespace Copilot.Packaging.Tests.Jobs;

/// <summary>Packaging says, on stderr, what EventBridge will run and when it next fires (copilot rewrote schedules silently).</summary>
public class ScheduleExplanationTests
{
    private static readonly DateTimeOffset Thursday = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [TestCase("30 6 * * 1-5", "Schedule: \"30 6 * * 1-5\" runs as cron(30 6 ? * 2-6 *) in UTC; next runs: 2026-11-27 06:30, 2026-11-30 06:30, 2026-12-01 06:30.")]
    [TestCase("cron(0 12 * * ? *)", "Schedule: cron(0 12 * * ? *) in UTC; next runs: 2026-11-27 12:00, 2026-11-28 12:00, 2026-11-29 12:00.")]
    [TestCase("@every 90m", "Schedule: \"@every 90m\" runs as rate(90 minutes) (counted from when the rule is created).")]
    [TestCase("none", "Schedule \"none\": the rule is created disabled; start the job by hand.")]
    public void Reports_the_expression_and_the_next_runs(string schedule, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("copilot/.workspace", "application: my-app\n");
        dir.Write("copilot/.records.yml", """
            application:
              name: my-app
              account: "123456789123"
              regions: {us-west-2: {bucket: b, kmsKeyARN: "arn:aws:kms:us-west-2:123456789123:key/k"}}
            environments:
              test: {region: us-west-2, accountID: "123456789123", version: v1.42.0}
            """);
        dir.Write("copilot/mailer/manifest.yml", $"name: mailer\ntype: Scheduled Job\non:\n  schedule: \"{schedule}\"\nimage:\n  location: nginx\n");
        var reporter = new RecordingReporter();

        new JobPackager(new FileSystem(), new DictionaryEnvironmentVariables(new Dictionary<string, string>()), reporter, clock: new FixedClock(Thursday))
            .PackageAsync(new JobPackageRequest { WorkingDirectory = dir.Path, JobName = "mailer", EnvironmentName = "test" }, CancellationToken.None)
            .GetAwaiter().GetResult();

        Assert.That(reporter.Infos, Does.Contain(expected));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class RecordingReporter : IPackagingReporter
    {
        public List<string> Infos { get; } = [];

        public void Info(string message) => Infos.Add(message);

        public void Warning(string message)
        {
        }

        public void Verbose(string message)
        {
        }
    }
}
