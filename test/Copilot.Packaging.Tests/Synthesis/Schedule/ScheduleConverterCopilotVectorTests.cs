using Copilot.Packaging.Errors;
using Copilot.Packaging.Synthesis.Schedule;

namespace Copilot.Packaging.Tests.Synthesis.Schedule;

/// <summary>Spec §9.1 vectors (job <c>mailer</c>) where our output equals copilot's.</summary>
public class ScheduleConverterCopilotVectorTests
{
    private const string Job = "mailer";

    [TestCase("T-SCH-01", "@every 1h30m", "rate(90 minutes)")]
    [TestCase("T-SCH-03", "@every 1m", "rate(1 minute)")]
    [TestCase("T-SCH-04", "@every 60000ms", "rate(1 minute)")]
    [TestCase("T-SCH-07", "@daily", "cron(0 0 * * ? *)")]
    [TestCase("T-SCH-09", "* * * * *", "cron(* * * * ? *)")]
    [TestCase("T-SCH-10", "* * * * ?", "cron(* * * * ? *)")]
    [TestCase("T-SCH-11", "* * ? * *", "cron(* * * * ? *)")]
    [TestCase("T-SCH-12", "* * ? * ?", "cron(* * * * ? *)")]
    [TestCase("T-SCH-13", "* * * * MON-FRI", "cron(* * ? * MON-FRI *)")]
    [TestCase("T-SCH-14", "* * ? * MON", "cron(* * ? * MON *)")]
    [TestCase("T-SCH-15", "* * 1 * ?", "cron(* * 1 * ? *)")]
    [TestCase("T-SCH-16", "* * 1 * *", "cron(* * 1 * ? *)")]
    [TestCase("T-SCH-17", "* * ? * 2-6", "cron(* * ? * 3-7 *)")]
    [TestCase("T-SCH-18", "* * * * 2-6", "cron(* * ? * 3-7 *)")]
    [TestCase("T-SCH-25", "cron(0 * * * ? *)", "cron(0 * * * ? *)")]
    [TestCase("T-SCH-26", "rate(5 minutes)", "rate(5 minutes)")]
    [TestCase("T-SCH-27", "none", "none")]
    [TestCase("T-SCH-28", "@every 2h", "rate(120 minutes)")]
    [TestCase("T-SCH-30", "@midnight", "cron(0 0 * * ? *)")]
    [TestCase("T-SCH-30", "@hourly", "cron(0 * * * ? *)")]
    [TestCase("T-SCH-30", "@weekly", "cron(0 0 ? * 1 *)")]
    [TestCase("T-SCH-30", "@monthly", "cron(0 0 1 * ? *)")]
    [TestCase("T-SCH-30", "@yearly", "cron(0 0 1 1 ? *)")]
    [TestCase("T-SCH-30", "@annually", "cron(0 0 1 1 ? *)")]
    [TestCase("T-SCH-31", "0 9 * * 1-5", "cron(0 9 ? * 2-6 *)")]
    [TestCase("T-SCH-32", "0 0 * * 0", "cron(0 0 ? * 1 *)")]
    [TestCase("T-SCH-37", "cron(0 12 L * ? 2021)", "cron(0 12 L * ? 2021)")]
    [TestCase("T-SCH-41", "0 12 * JAN,FEB MON", "cron(0 12 ? JAN,FEB MON *)")]
    [TestCase("T-SCH-43", "0 0 1,15 * *", "cron(0 0 1,15 * ? *)")]
    [TestCase("T-SCH-44", "*/15 * * * *", "cron(*/15 * * * ? *)")]
    [TestCase("T-SCH-45", "0 12 * * MON", "cron(0 12 ? * MON *)")]
    public void Converts_like_copilot(string id, string schedule, string expected) =>
        Assert.That(ScheduleConverter.ToAwsExpression(schedule, Job), Is.EqualTo(expected), id);

    [Test]
    public void T_SCH_02_empty_schedule_is_a_missing_field() =>
        Assert.That(
            () => ScheduleConverter.ToAwsExpression(string.Empty, Job),
            Throws.TypeOf<CopilotJobException>().With.Message.EqualTo("missing required field \"schedule\" in manifest for job mailer"));

    [TestCase("T-SCH-05", "@every 402 seconds",
        "schedule is not valid cron, rate, or preset: failed to parse duration @every 402 seconds: time: unknown unit \" seconds\" in duration \"402 seconds\"")]
    [TestCase("T-SCH-06", "every 4m", "schedule is not valid cron, rate, or preset: expected exactly 5 fields, found 2: [every 4m]")]
    [TestCase("T-SCH-08", "@minutely", "schedule is not valid cron, rate, or preset: unrecognized descriptor: @minutely")]
    [TestCase("T-SCH-19", "* * 1 * SUN", "parse cron schedule: cannot specify both DOW and DOM in cron expression")]
    [TestCase("T-SCH-20", "@every -5m", "parse fixed interval: duration must be greater than or equal to 1 minute")]
    [TestCase("T-SCH-21", "@every 0m", "parse fixed interval: duration must be greater than or equal to 1 minute")]
    [TestCase("T-SCH-22", "@every 89s", "parse fixed interval: duration must be a whole number of minutes or hours")]
    [TestCase("T-SCH-23", "* * * * * *", "schedule is not valid cron, rate, or preset: expected exactly 5 fields, found 6: [* * * * * *]")]
    [TestCase("T-SCH-24", "* * * malformed *",
        "schedule is not valid cron, rate, or preset: failed to parse int from malformed: strconv.Atoi: parsing \"malformed\": invalid syntax")]
    [TestCase("T-SCH-29", "@every 90s", "parse fixed interval: duration must be a whole number of minutes or hours")]
    [TestCase("T-SCH-36", "0 0 L * *",
        "schedule is not valid cron, rate, or preset: failed to parse int from L: strconv.Atoi: parsing \"L\": invalid syntax")]
    public void Rejects_like_copilot(string id, string schedule, string copilotMessage) =>
        Assert.That(
            () => ScheduleConverter.ToAwsExpression(schedule, Job),
            Throws.TypeOf<CopilotJobException>().With.Message.StartsWith("convert schedule for job mailer: " + copilotMessage),
            id);

    [TestCase("60 * * * *", "end of range (60) above maximum (59): 60")]
    [TestCase("* 24 * * *", "end of range (24) above maximum (23): 24")]
    [TestCase("* * 0 * *", "beginning of range (0) below minimum (1): 0")]
    [TestCase("* * 32 * *", "end of range (32) above maximum (31): 32")]
    [TestCase("* * * 0 *", "beginning of range (0) below minimum (1): 0")]
    [TestCase("* * * 13 *", "end of range (13) above maximum (12): 13")]
    [TestCase("5-3 * * * *", "beginning of range (5) beyond end of range (3): 5-3")]
    [TestCase("*/0 * * * *", "step of range should be a positive number: */0")]
    [TestCase("*/-1 * * * *", "negative number (-1) not allowed: -1")]
    [TestCase("1-2-3 * * * *", "too many hyphens: 1-2-3")]
    [TestCase("1/2/3 * * * *", "too many slashes: 1/2/3")]
    [TestCase("* * * 1-foo *", "failed to parse int from foo: strconv.Atoi: parsing \"foo\": invalid syntax")]
    [TestCase("99999999999999999999 * * * *",
        "failed to parse int from 99999999999999999999: strconv.Atoi: parsing \"99999999999999999999\": value out of range")]
    [TestCase("* * * * MON/2/1", "too many slashes: MON/2/1")]
    [TestCase("* * * * 7/2", "beginning of range (7) beyond end of range (6): 7/2")]
    [TestCase("@every 5", "failed to parse duration @every 5: time: missing unit in duration \"5\"")]
    [TestCase("@every", "unrecognized descriptor: @every")]
    [TestCase("@Daily", "unrecognized descriptor: @Daily")]
    [TestCase("   ", "expected exactly 5 fields, found 0: []")]
    public void Reports_robfig_field_errors(string schedule, string robfigMessage) =>
        Assert.That(
            () => ScheduleConverter.ToAwsExpression(schedule, Job),
            Throws.TypeOf<CopilotJobException>().With.Message.StartsWith(
                "convert schedule for job mailer: schedule is not valid cron, rate, or preset: " + robfigMessage));

    [TestCase("0 0 * jan-mar mon-fri", "cron(0 0 ? jan-mar mon-fri *)")]
    [TestCase("0 0 * * SUN,SAT", "cron(0 0 ? * SUN,SAT *)")]
    [TestCase("0,30 8-18/2 * * *", "cron(0,30 8-18/2 * * ? *)")]
    [TestCase("5/15 * 1-10 * ?", "cron(5/15 * 1-10 * ? *)")]
    [TestCase("0 0 * */3 *", "cron(0 0 * */3 ? *)")]
    [TestCase("@every 1h", "rate(60 minutes)")]
    [TestCase("@every 1.5h", "rate(90 minutes)")]
    [TestCase("@every 120s", "rate(2 minutes)")]
    public void Converts_other_forms_copilot_also_converts_this_way(string schedule, string expected) =>
        Assert.That(ScheduleConverter.ToAwsExpression(schedule, Job), Is.EqualTo(expected));
}
