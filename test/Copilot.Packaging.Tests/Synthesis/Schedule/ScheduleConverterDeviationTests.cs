using Copilot.Packaging.Errors;
using Copilot.Packaging.Synthesis.Schedule;

namespace Copilot.Packaging.Tests.Synthesis.Schedule;

/// <summary>
/// The schedules where we deliberately differ from copilot (docs/schedule-deviations.md). Each case names copilot's
/// output so a reader sees what changed.
/// </summary>
public class ScheduleConverterDeviationTests
{
    private const string Job = "mailer";

    // Copilot increments every digit of day-of-week, including steps; we shift only day values.
    [TestCase("T-SCH-34", "0 0 * * 1/2", "cron(0 0 ? * 2,4,6 *)", "cron(0 0 ? * 2/3 *)")]
    [TestCase("§15.2", "0 0 * * 1-5/2", "cron(0 0 ? * 2,4,6 *)", "cron(0 0 ? * 2-6/3 *)")]
    [TestCase("§15.2", "0 0 * * 0/3", "cron(0 0 ? * 1,4,7 *)", "cron(0 0 ? * 1/4 *)")]
    [TestCase("§15.2", "0 0 * * MON-FRI/2", "cron(0 0 ? * 2,4,6 *)", "cron(0 0 ? * MON-FRI/3 *)")]
    [TestCase("§15.2", "0 0 * * 1/10", "cron(0 0 ? * 2 *)", "cron(0 0 ? * 2/21 *)")]
    // Copilot treats any day field containing "*" as unrestricted and drops its step.
    [TestCase("T-SCH-35", "0 0 * * */2", "cron(0 0 ? * 1,3,5,7 *)", "cron(0 0 * * ? *)")]
    [TestCase("§15.1", "0 9 * * */3", "cron(0 9 ? * 1,4,7 *)", "cron(0 9 * * ? *)")]
    [TestCase("§15.1", "0 0 */2 * *", "cron(0 0 */2 * ? *)", "cron(0 0 * * ? *)")]
    [TestCase("§15.1", "0 0 */2 * 1", "error: both DOW and DOM", "cron(0 0 ? * 2 *)")]
    // 7 is Sunday (robfig rejects it).
    [TestCase("T-SCH-33", "0 0 * * 7", "cron(0 0 ? * 1 *)", "error: end of range (7) above maximum (6)")]
    [TestCase("§15.3", "0 0 * * 5-7", "cron(0 0 ? * 6,7,1 *)", "error: end of range (7) above maximum (6)")]
    [TestCase("§15.3", "0 0 * * 0,7", "cron(0 0 ? * 1 *)", "error: end of range (7) above maximum (6)")]
    // None in any letter case disables the rule; anything else containing "none" is parsed, not passed through.
    [TestCase("T-SCH-38", "None", "none", "error: expected exactly 5 fields, found 1: [None]")]
    [TestCase("§15.6", "NONE", "none", "error: expected exactly 5 fields, found 1: [NONE]")]
    // A field that selects everything is written "*" (EventBridge allows "?" only in the day fields).
    [TestCase("T-SCH-42", "? * * * *", "cron(* * * * ? *)", "cron(? * * * ? *)")]
    [TestCase("robfig", "*/1 ? * ? *", "cron(* * * * ? *)", "cron(*/1 ? * * ? *)")]
    // Numbers are re-emitted in canonical decimal.
    [TestCase("robfig", "05 +9 * * *", "cron(5 9 * * ? *)", "cron(05 +9 * * ? *)")]
    [TestCase("robfig", "0 0 1,,15 * *", "cron(0 0 1,15 * ? *)", "cron(0 0 1,,15 * ? *)")]
    public void Converts_differently_from_copilot(string reference, string schedule, string ours, string copilots)
    {
        if (ours.StartsWith("error", StringComparison.Ordinal))
        {
            Assert.That(() => ScheduleConverter.ToAwsExpression(schedule, Job), Throws.TypeOf<CopilotJobException>(), $"{reference}; copilot gives {copilots}");
        }
        else
        {
            Assert.That(ScheduleConverter.ToAwsExpression(schedule, Job), Is.EqualTo(ours), $"{reference}; copilot gives {copilots}");
        }
    }

    [TestCase("T-SCH-40", "TZ=UTC 0 9 * * 1", "TZ=UTC")]
    [TestCase("§15.4", "CRON_TZ=Europe/Paris 0 9 * * 1-5", "CRON_TZ=Europe/Paris")]
    public void Rejects_time_zone_prefixes_instead_of_shifting_fields(string reference, string schedule, string prefix) =>
        Assert.That(
            () => ScheduleConverter.ToAwsExpression(schedule, Job),
            Throws.TypeOf<CopilotJobException>().With.Message.EqualTo(
                $"convert schedule for job mailer: schedule \"{schedule}\": time zone prefix \"{prefix}\" is not supported; "
                + "EventBridge rules evaluate schedules in UTC, so remove the prefix and write the times in UTC"),
            $"{reference}; copilot gives cron(TZ=UTC 0 9 * ? 1 *)");

    [Test]
    public void T_SCH_39_parses_schedules_that_merely_contain_none() =>
        Assert.That(
            () => ScheduleConverter.ToAwsExpression("@every nonesuch", Job),
            Throws.TypeOf<CopilotJobException>().With.Message.StartsWith(
                "convert schedule for job mailer: schedule is not valid cron, rate, or preset: failed to parse duration @every nonesuch: time: invalid duration \"nonesuch\""),
            "copilot passes \"@every nonesuch\" through to CloudFormation");

    [TestCase("daily cron(0 0 * * ? *)")]
    [TestCase("rate(5 minutes) ")]
    [TestCase("cron(0 0 * * ? *) # nightly")]
    public void Rejects_text_around_an_eventbridge_expression(string schedule) =>
        Assert.That(
            () => ScheduleConverter.ToAwsExpression(schedule, Job),
            Throws.TypeOf<CopilotJobException>().With.Message.EqualTo(
                $"convert schedule for job mailer: schedule \"{schedule}\": an EventBridge expression must be the whole schedule, written cron(...) or rate(...) with nothing around it"),
            "copilot passes any string containing cron(...) or rate(...) through");

    [TestCase("cron(0 12 * * MON *)", "one of day-of-month and day-of-week must be \"?\"")]
    [TestCase("rate(1 minutes)", "a rate of 1 needs the singular unit \"minute\": rate(1 minute)")]
    [TestCase("rate(5 minute)", "a rate of 5 needs the plural unit \"minutes\": rate(5 minutes)")]
    public void Validates_eventbridge_expressions_that_copilot_passes_through_unchecked(string schedule, string problem) =>
        Assert.That(
            () => ScheduleConverter.ToAwsExpression(schedule, Job),
            Throws.TypeOf<CopilotJobException>().With.Message.StartsWith($"convert schedule for job mailer: schedule \"{schedule}\": {problem}"));

    [TestCase("* * * * ,", "day-of-week field \",\" has no values")]
    [TestCase("*-5 * * * *", "a range cannot start with \"*\"; write a-b with two values: *-5")]
    public void Rejects_malformed_items_that_robfig_tolerates(string schedule, string problem) =>
        Assert.That(
            () => ScheduleConverter.ToAwsExpression(schedule, Job),
            Throws.TypeOf<CopilotJobException>().With.Message.StartsWith(
                "convert schedule for job mailer: schedule is not valid cron, rate, or preset: " + problem));
}
