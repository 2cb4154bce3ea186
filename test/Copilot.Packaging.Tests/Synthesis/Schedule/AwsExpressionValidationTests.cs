using Copilot.Packaging.Errors;
using Copilot.Packaging.Synthesis.Schedule;

namespace Copilot.Packaging.Tests.Synthesis.Schedule;

/// <summary>Offline validation of <c>cron(...)</c> and <c>rate(...)</c> schedules passed through to EventBridge.</summary>
public class AwsExpressionValidationTests
{
    private const string Job = "mailer";

    [TestCase("cron(0 10 * * ? *)")]
    [TestCase("cron(15 12 * * ? *)")]
    [TestCase("cron(0 18 ? * MON-FRI *)")]
    [TestCase("cron(0 8 1 * ? *)")]
    [TestCase("cron(0/15 * * * ? *)")]
    [TestCase("cron(0/10 * ? * MON-FRI *)")]
    [TestCase("cron(0/5 8-17 ? * MON-FRI *)")]
    [TestCase("cron(0 9 ? * 2#1 *)")]
    [TestCase("cron(15 10 ? * 6L 2022-2023)")]
    [TestCase("cron(0 0 L * ? *)")]
    [TestCase("cron(0 0 LW * ? *)")]
    [TestCase("cron(0 0 15W * ? *)")]
    [TestCase("cron(0 0 ? * L *)")]
    [TestCase("cron(0 0 ? JAN,JUL * 2030/2)")]
    [TestCase("cron(0 0 ? * FRI-MON *)")]
    [TestCase("cron(0 22-2 * * ? *)")]
    [TestCase("cron(*/15 * * * ? *)")]
    [TestCase("cron(0 0 1-31/2 * ? 1970-2199)")]
    [TestCase("cron(0 0 ? * mon-fri *)")]
    [TestCase("rate(1 minute)")]
    [TestCase("rate(5 minutes)")]
    [TestCase("rate(1 hour)")]
    [TestCase("rate(12 hours)")]
    [TestCase("rate(1 day)")]
    [TestCase("rate(7 days)")]
    public void Passes_valid_expressions_through_unchanged(string expression) =>
        Assert.That(ScheduleConverter.ToAwsExpression(expression, Job), Is.EqualTo(expression));

    [TestCase("cron(0 12 * * MON)", "expected 6 fields inside cron(...) (minutes hours day-of-month month day-of-week year), found 5")]
    [TestCase("cron()", "expected 6 fields inside cron(...) (minutes hours day-of-month month day-of-week year), found 0")]
    [TestCase("cron(0 12 * * MON *)",
        "one of day-of-month and day-of-week must be \"?\" (found day-of-month \"*\" and day-of-week \"MON\"); write \"?\" in the one you do not restrict")]
    [TestCase("cron(0 12 * * * *)", "one of day-of-month and day-of-week must be \"?\"")]
    [TestCase("cron(0 12 ? * ? *)", "day-of-month and day-of-week cannot both be \"?\"")]
    [TestCase("cron(60 * * * ? *)", "minutes field \"60\" is not valid: 60 is out of range 0-59; expected 0-59 with , - * /")]
    [TestCase("cron(0 24 * * ? *)", "hours field \"24\" is not valid: 24 is out of range 0-23")]
    [TestCase("cron(0 0 0 * ? *)", "day-of-month field \"0\" is not valid: 0 is out of range 1-31")]
    [TestCase("cron(0 0 32W * ? *)", "day-of-month field \"32W\" is not valid: 32 is out of range 1-31")]
    [TestCase("cron(0 0 L-3 * ? *)", "day-of-month field \"L-3\" is not valid: \"L\" and \"W\" must stand alone")]
    [TestCase("cron(0 0 * 13 ? *)", "month field \"13\" is not valid: 13 is out of range 1-12")]
    [TestCase("cron(0 0 * JANUARY ? *)", "month field \"JANUARY\" is not valid: \"JANUARY\" is not a number or a name")]
    [TestCase("cron(0 0 ? * 0 *)", "day-of-week field \"0\" is not valid: 0 is out of range 1-7; expected 1-7 (1 is Sunday) or SUN-SAT")]
    [TestCase("cron(0 0 ? * 8 *)", "day-of-week field \"8\" is not valid: 8 is out of range 1-7")]
    [TestCase("cron(0 0 ? * 2#6 *)", "day-of-week field \"2#6\" is not valid: the number after \"#\" must be 1-5")]
    [TestCase("cron(0 0 ? * 3#1,6#3 *)", "day-of-week field \"3#1,6#3\" is not valid: the number after \"#\" must be 1-5 and \"#\" must stand alone")]
    [TestCase("cron(0 0 ? * 6L,2 *)", "day-of-week field \"6L,2\" is not valid: \"L\" must stand alone as L or nL")]
    [TestCase("cron(0 0 * * ? 1969)", "year field \"1969\" is not valid: 1969 is out of range 1970-2199")]
    [TestCase("cron(0 0 * * ? 2200)", "year field \"2200\" is not valid: 2200 is out of range 1970-2199")]
    [TestCase("cron(? 0 * * ? *)", "minutes field \"?\" is not valid: \"?\" is allowed only in day-of-month and day-of-week")]
    [TestCase("cron(0 0 ?,1 * ? *)", "day-of-month field \"?,1\" is not valid: \"?\" must be the whole field")]
    [TestCase("cron(0/0 * * * ? *)", "minutes field \"0/0\" is not valid: the increment after \"/\" in \"0/0\" must be a positive whole number")]
    [TestCase("cron(0 0 ? * 2/2 *)", "day-of-week field \"2/2\" is not valid: \"2/2\" uses \"/\", which EventBridge does not accept in day-of-week; list the days instead (for example 2,4,6)")]
    [TestCase("cron(1/2/3 * * * ? *)", "minutes field \"1/2/3\" is not valid: \"1/2/3\" has more than one \"/\"")]
    [TestCase("cron(1-2-3 * * * ? *)", "minutes field \"1-2-3\" is not valid: \"1-2-3\" has more than one \"-\"")]
    [TestCase("cron(*-5 * * * ? *)", "minutes field \"*-5\" is not valid: \"*-5\" is not a range")]
    [TestCase("cron(1,,2 * * * ? *)", "minutes field \"1,,2\" is not valid: a list item is empty")]
    [TestCase("cron(-5 * * * ? *)", "minutes field \"-5\" is not valid: a value is missing")]
    [TestCase("cron(+5 * * * ? *)", "minutes field \"+5\" is not valid: \"+5\" is not a number")]
    [TestCase("rate(5)", "expected a value and a unit inside rate(...), such as rate(5 minutes) or rate(1 hour)")]
    [TestCase("rate()", "expected a value and a unit inside rate(...)")]
    [TestCase("rate(0 minutes)", "rate value \"0\" is not valid; expected a positive whole number such as rate(5 minutes)")]
    [TestCase("rate(-1 minutes)", "rate value \"-1\" is not valid")]
    [TestCase("rate(1.5 hours)", "rate value \"1.5\" is not valid")]
    [TestCase("rate(5 seconds)", "rate unit \"seconds\" is not valid; expected minute, minutes, hour, hours, day or days")]
    [TestCase("rate(5 Minutes)", "rate unit \"Minutes\" is not valid")]
    [TestCase("rate(1 minutes)", "a rate of 1 needs the singular unit \"minute\": rate(1 minute)")]
    [TestCase("rate(1 hours)", "a rate of 1 needs the singular unit \"hour\": rate(1 hour)")]
    [TestCase("rate(5 hour)", "a rate of 5 needs the plural unit \"hours\": rate(5 hours)")]
    [TestCase("rate(2 day)", "a rate of 2 needs the plural unit \"days\": rate(2 days)")]
    public void Rejects_invalid_expressions_with_what_is_expected(string expression, string problem) =>
        Assert.That(
            () => ScheduleConverter.ToAwsExpression(expression, Job),
            Throws.TypeOf<CopilotJobException>().With.Message.StartsWith($"convert schedule for job mailer: schedule \"{expression}\": {problem}"));
}
