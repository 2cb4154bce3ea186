using System.Globalization;
using Copilot.Packaging.Conversions;

namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>
/// Rewrites a parsed standard 5-field cron as an EventBridge 6-field <c>cron(...)</c> expression with the same fire times.
/// </summary>
/// <remarks>
/// Layout follows copilot: when neither day field restricts, day-of-month is <c>*</c> and day-of-week <c>?</c>; when one
/// restricts, the other becomes <c>?</c>; both restricting is an error (EventBridge cannot express the OR of the two);
/// the year is <c>*</c>. Unlike copilot, fields are re-emitted from their parsed items: day-of-week values move from 0-6
/// (Sunday 0; 7 also Sunday) to EventBridge's 1-7 (Sunday 1); a stepped day-of-week item is written as the list of its days
/// (EventBridge has no step syntax there), other fields keep their steps,
/// and a field that selects everything (<c>?</c>, <c>*/1</c>) is written <c>*</c> (EventBridge allows <c>?</c> only in the day fields).
/// </remarks>
internal static class StandardCronToAwsConverter
{
    /// <summary>The error text copilot gives when both day fields restrict.</summary>
    public const string BothDaysSpecified = "cannot specify both DOW and DOM in cron expression";

    /// <summary>Converts <paramref name="cron"/>, or explains why EventBridge cannot express it.</summary>
    public static bool TryConvert(StandardCronExpression cron, out string? awsExpression, out string? error)
    {
        var domRestricts = !cron.DayOfMonth.IsUnrestricted;
        var dowRestricts = !cron.DayOfWeek.IsUnrestricted;
        if (domRestricts && dowRestricts)
        {
            awsExpression = null;
            error = $"{BothDaysSpecified}: day-of-month {GoQuoting.Quote(cron.DayOfMonth.Text)} and day-of-week {GoQuoting.Quote(cron.DayOfWeek.Text)} "
                + "would fire on either match, which EventBridge cannot express; restrict only one of them and write \"*\" in the other";
            return false;
        }

        var dayOfMonth = domRestricts ? EmitField(cron.DayOfMonth) : dowRestricts ? "?" : "*";
        var dayOfWeek = dowRestricts ? EmitDayOfWeek(cron.DayOfWeek) : "?";
        awsExpression = $"cron({EmitField(cron.Minute)} {EmitField(cron.Hour)} {dayOfMonth} {EmitField(cron.Month)} {dayOfWeek} *)";
        error = null;
        return true;
    }

    private static string EmitField(StandardCronField field) =>
        field.IsUnrestricted ? "*" : string.Join(',', field.Items.Select(EmitItem));

    private static string EmitItem(StandardCronItem item)
    {
        var step = item.HasStep ? string.Create(CultureInfo.InvariantCulture, $"/{item.Step}") : string.Empty;
        if (item.Start is not { } start)
        {
            return "*" + step;
        }

        return item.End is { } end ? $"{start.Text}-{end.Text}{step}" : start.Text + step;
    }

    private static string EmitDayOfWeek(StandardCronField field) =>
        string.Join(',', field.Items.Select(item => EmitDayOfWeekItem(item, field.Spec)).Distinct());

    private static string EmitDayOfWeekItem(StandardCronItem item, StandardCronFieldSpec spec)
    {
        if (item.HasStep || (item.End is { } last && !last.IsName && last.Value > spec.Max))
        {
            // EventBridge has no step syntax in day-of-week, and a range ending in 7 (Sunday) wraps past Saturday in
            // its numbering: list the days instead (1/2 -> 2,4,6; */2 -> 1,3,5,7; 5-7 -> 6,7,1).
            return string.Join(',', item.Values(spec).Select(value => AwsDay(value)).Distinct());
        }

        if (item.Start is not { } start)
        {
            return "*";
        }

        return item.End is { } end ? $"{ToAws(start)}-{ToAws(end)}" : ToAws(start);
    }

    private static string ToAws(CronToken token) => token.IsName ? token.Text : AwsDay(token.Value);

    private static string AwsDay(int standardDay) =>
        ((standardDay % 7) + 1).ToString(CultureInfo.InvariantCulture);
}
