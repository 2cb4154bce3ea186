using System.Globalization;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Synthesis.Schedule;

namespace Copilot.Packaging.Tests.Synthesis.Schedule;

/// <summary>Next UTC fire times of EventBridge expressions.</summary>
public class NextOccurrencesTests
{
    // A Wednesday.
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 10, 30, 15, TimeSpan.Zero);

    [TestCase("cron(0 9 ? * MON-FRI *)", "2025-01-02T09:00", "2025-01-03T09:00", "2025-01-06T09:00", "2025-01-07T09:00")]
    [TestCase("cron(*/20 * * * ? *)", "2025-01-01T10:40", "2025-01-01T11:00", "2025-01-01T11:20", "2025-01-01T11:40")]
    [TestCase("cron(0 0 L * ? *)", "2025-01-31T00:00", "2025-02-28T00:00", "2025-03-31T00:00", "2025-04-30T00:00")]
    [TestCase("cron(0 0 LW * ? *)", "2025-01-31T00:00", "2025-02-28T00:00", "2025-03-31T00:00", "2025-04-30T00:00")]
    [TestCase("cron(0 0 LW 5-8 ? *)", "2025-05-30T00:00", "2025-06-30T00:00", "2025-07-31T00:00", "2025-08-29T00:00")]
    [TestCase("cron(0 0 15W * ? *)", "2025-01-15T00:00", "2025-02-14T00:00", "2025-03-14T00:00", "2025-04-15T00:00")]
    [TestCase("cron(0 0 1W 2,3,6 ? *)", "2025-02-03T00:00", "2025-03-03T00:00", "2025-06-02T00:00", "2026-02-02T00:00")]
    [TestCase("cron(0 0 31W 8 ? 2025-2026)", "2025-08-29T00:00", "2026-08-31T00:00")]
    [TestCase("cron(0 9 ? * 2#1 *)", "2025-01-06T09:00", "2025-02-03T09:00", "2025-03-03T09:00", "2025-04-07T09:00")]
    [TestCase("cron(15 10 ? * 6L 2025)", "2025-01-31T10:15", "2025-02-28T10:15", "2025-03-28T10:15", "2025-04-25T10:15")]
    [TestCase("cron(0 0 ? * L *)", "2025-01-04T00:00", "2025-01-11T00:00", "2025-01-18T00:00", "2025-01-25T00:00")]
    [TestCase("cron(0 0 ? * FRI-SUN *)", "2025-01-03T00:00", "2025-01-04T00:00", "2025-01-05T00:00", "2025-01-10T00:00")]
    [TestCase("cron(0 0 ? * 2,4,6 *)", "2025-01-03T00:00", "2025-01-06T00:00", "2025-01-08T00:00", "2025-01-10T00:00")]
    [TestCase("cron(0 22-1 1 * ? *)", "2025-01-01T22:00", "2025-01-01T23:00", "2025-02-01T00:00", "2025-02-01T01:00")]
    [TestCase("cron(0 0 29 2 ? *)", "2028-02-29T00:00", "2032-02-29T00:00", "2036-02-29T00:00", "2040-02-29T00:00")]
    [TestCase("cron(30 10 1 1 ? 2025)")]
    [TestCase("cron(31 10 1 1 ? 2025,2199)", "2025-01-01T10:31", "2199-01-01T10:31")]
    [TestCase("cron(0 0 30 FEB ? *)")]
    [TestCase("rate(1 minute)", "2025-01-01T10:31:15", "2025-01-01T10:32:15", "2025-01-01T10:33:15", "2025-01-01T10:34:15")]
    [TestCase("rate(2 days)", "2025-01-03T10:30:15", "2025-01-05T10:30:15", "2025-01-07T10:30:15", "2025-01-09T10:30:15")]
    [TestCase("none")]
    [TestCase("NONE")]
    public void Lists_the_next_fire_times_in_utc(string expression, params string[] expected)
    {
        var occurrences = ScheduleConverter.NextOccurrences(expression, Start, 4);

        Assert.That(occurrences.Select(o => o.ToString(o.Second == 0 ? "yyyy-MM-ddTHH:mm" : "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)), Is.EqualTo(expected));
        Assert.That(occurrences.Select(o => o.Offset), Is.All.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Starts_strictly_after_the_given_minute()
    {
        var onTheMinute = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

        Assert.That(ScheduleConverter.NextOccurrences("cron(0 9 * * ? *)", onTheMinute, 1), Is.EqualTo(new[] { onTheMinute.AddDays(1) }));
    }

    [Test]
    public void Converts_the_start_to_utc()
    {
        var inParis = new DateTimeOffset(2025, 1, 1, 9, 30, 0, TimeSpan.FromHours(1));

        Assert.That(
            ScheduleConverter.NextOccurrences("cron(0 9 * * ? *)", inParis, 1),
            Is.EqualTo(new[] { new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero) }), "09:30+01:00 is 08:30 UTC");
    }

    [Test]
    public void Returns_nothing_after_the_last_year_eventbridge_accepts() =>
        Assert.That(ScheduleConverter.NextOccurrences("cron(0 0 * * ? *)", new DateTimeOffset(2199, 12, 31, 0, 0, 0, TimeSpan.Zero), 3), Is.Empty);

    [Test]
    public void Returns_nothing_for_a_count_of_zero() =>
        Assert.That(ScheduleConverter.NextOccurrences("cron(0 0 * * ? *)", Start, 0), Is.Empty);

    [Test]
    public void Rejects_a_negative_count() =>
        Assert.That(() => ScheduleConverter.NextOccurrences("rate(1 day)", Start, -1), Throws.TypeOf<ArgumentOutOfRangeException>());

    [TestCase("0 9 * * 1-5", "schedule \"0 9 * * 1-5\": expected cron(...), rate(...) or none")]
    [TestCase("cron(0 9 * * MON *)", "schedule \"cron(0 9 * * MON *)\": one of day-of-month and day-of-week must be \"?\"")]
    [TestCase("rate(1 minutes)", "schedule \"rate(1 minutes)\": a rate of 1 needs the singular unit \"minute\"")]
    public void Rejects_expressions_eventbridge_would_reject(string expression, string message) =>
        Assert.That(
            () => ScheduleConverter.NextOccurrences(expression, Start, 1),
            Throws.TypeOf<CopilotJobException>().With.Message.StartsWith(message));
}
