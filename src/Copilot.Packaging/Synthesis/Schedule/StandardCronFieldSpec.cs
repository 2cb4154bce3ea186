namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>
/// The bounds of one field of a standard 5-field cron, as robfig/cron's <c>ParseStandard</c> defines them.
/// </summary>
/// <param name="Name">The field name for messages (for example <c>day-of-week</c>).</param>
/// <param name="Min">The lowest value; also where <c>*</c> starts.</param>
/// <param name="Max">The highest value of <c>*</c> and of the open end of <c>N/step</c>.</param>
/// <param name="HighestValue">The highest value that may be written explicitly (7 for day-of-week, where it means Sunday).</param>
/// <param name="Names">Case-insensitive names (<c>jan</c>, <c>mon</c>) and their values, if the field has names.</param>
internal sealed record StandardCronFieldSpec(string Name, int Min, int Max, int HighestValue, IReadOnlyDictionary<string, int>? Names)
{
    /// <summary>Minutes, 0-59.</summary>
    public static StandardCronFieldSpec Minute { get; } = new("minute", 0, 59, 59, null);

    /// <summary>Hours, 0-23.</summary>
    public static StandardCronFieldSpec Hour { get; } = new("hour", 0, 23, 23, null);

    /// <summary>Day of month, 1-31.</summary>
    public static StandardCronFieldSpec DayOfMonth { get; } = new("day-of-month", 1, 31, 31, null);

    /// <summary>Month, 1-12 or <c>jan</c>-<c>dec</c>.</summary>
    public static StandardCronFieldSpec Month { get; } = new(
        "month",
        1,
        12,
        12,
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
            ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
        });

    /// <summary>Day of week, 0-6 (Sunday is 0; 7 is accepted as Sunday too) or <c>sun</c>-<c>sat</c>.</summary>
    public static StandardCronFieldSpec DayOfWeek { get; } = new(
        "day-of-week",
        0,
        6,
        7,
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["sun"] = 0, ["mon"] = 1, ["tue"] = 2, ["wed"] = 3, ["thu"] = 4, ["fri"] = 5, ["sat"] = 6,
        });
}
