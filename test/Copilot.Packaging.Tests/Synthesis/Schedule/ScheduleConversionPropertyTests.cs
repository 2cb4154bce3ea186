using Copilot.Packaging.Errors;
using Copilot.Packaging.Synthesis.Schedule;
using FsCheck;
using FsCheck.Fluent;

namespace Copilot.Packaging.Tests.Synthesis.Schedule;

/// <summary>
/// Property: a random valid 5-field cron and the EventBridge cron it converts to fire at the same UTC minutes.
/// The oracle is <see cref="StandardCronReference"/>, which shares no code with the converter.
/// </summary>
public class ScheduleConversionPropertyTests
{
    private const int Occurrences = 40;

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Converted_crons_fire_at_the_same_minutes_as_the_original() =>
        Prop.ForAll(Arb.From(CronWithStart()), sample =>
        {
            var (cron, from) = sample;
            var reference = new StandardCronReference(cron);
            if (reference.BothDayFieldsRestrict)
            {
                Assert.That(
                    () => ScheduleConverter.ToAwsExpression(cron, "mailer"),
                    Throws.TypeOf<CopilotJobException>().With.Message.Contains("cannot specify both DOW and DOM in cron expression"),
                    cron);
                return;
            }

            var aws = ScheduleConverter.ToAwsExpression(cron, "mailer");
            var until = from.AddYears(5);
            var expected = reference.Occurrences(from, until, Occurrences);
            var actual = ScheduleConverter.NextOccurrences(aws, from, Occurrences).Where(t => t < until);

            Assert.That(actual, Is.EqualTo(expected), $"{cron} -> {aws}");
        });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Converted_crons_pass_eventbridge_validation() =>
        Prop.ForAll(Arb.From(CronWithStart()), sample =>
        {
            var (cron, _) = sample;
            if (new StandardCronReference(cron).BothDayFieldsRestrict)
            {
                return;
            }

            var aws = ScheduleConverter.ToAwsExpression(cron, "mailer");
            Assert.That(ScheduleConverter.ToAwsExpression(aws, "mailer"), Is.EqualTo(aws), "a converted cron passes through unchanged");
        });

    private static Gen<(string Cron, DateTimeOffset From)> CronWithStart() =>
        from minute in Field(0, 59, null)
        from hour in Field(0, 23, null)
        from dayOfMonth in DayField(1, 31, null)
        from month in Field(1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])
        from dayOfWeek in DayField(0, 6, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"])
        from dayToKeep in Gen.Choose(0, 2)
        from minutesFromEpoch in Gen.Choose(0, 10 * 366 * 24 * 60)
        from second in Gen.Choose(0, 59)
        let days = dayToKeep switch
        {
            0 => (dayOfMonth, "*"),
            1 => ("*", dayOfWeek),
            _ => (dayOfMonth, dayOfWeek),
        }
        select (
            $"{minute} {hour} {days.Item1} {month} {days.Item2}",
            new DateTimeOffset(2020, 1, 1, 0, 0, second, TimeSpan.Zero).AddMinutes(minutesFromEpoch));

    private static Gen<string> DayField(int min, int max, string[]? names) =>
        Gen.Frequency((1, Gen.Constant("?")), (6, Field(min, max, names)));

    private static Gen<string> Field(int min, int max, string[]? names) =>
        Gen.Frequency(
            (2, Gen.Constant("*")),
            (8, from count in Gen.Choose(1, 3)
                from items in Gen.ArrayOf(Item(min, max, names), count)
                select string.Join(',', items)));

    private static Gen<string> Item(int min, int max, string[]? names)
    {
        var highest = names?.Length == 7 ? 7 : max;
        var value = Gen.Choose(min, max);
        var step = Gen.Choose(1, max - min + 1);
        return Gen.OneOf(
            from s in step select $"*/{s}",
            from v in Gen.Choose(min, highest) from n in Gen.Choose(0, 3) select Spell(v, min, names, n),
            from a in value
            from b in Gen.Choose(a, highest)
            from n in Gen.Choose(0, 3)
            select $"{Spell(a, min, names, n)}-{Spell(b, min, names, n)}",
            from a in value
            from b in Gen.Choose(a, highest)
            from s in step
            select $"{a}-{b}/{s}",
            from a in value
            from s in step
            from n in Gen.Choose(0, 3)
            select $"{Spell(a, min, names, n)}/{s}");
    }

    // Names (in mixed case) for some values of named fields; 7 (Sunday) has no name of its own.
    private static string Spell(int value, int min, string[]? names, int choice) =>
        names is null || choice == 0 || value - min >= names.Length
            ? value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : choice switch
            {
                1 => names[value - min],
                2 => names[value - min].ToLowerInvariant(),
                _ => string.Concat(names[value - min][..1], names[value - min][1..].ToLowerInvariant()),
            };
}
