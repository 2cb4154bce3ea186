namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>The bounds and names of one field of an EventBridge <c>cron(...)</c> expression.</summary>
/// <param name="Name">The field name for messages.</param>
/// <param name="Min">The lowest value.</param>
/// <param name="Max">The highest value.</param>
/// <param name="Names">Case-insensitive names and their values, if the field has names.</param>
/// <param name="Expected">What the field accepts, for messages.</param>
internal sealed record AwsCronFieldSpec(string Name, int Min, int Max, IReadOnlyDictionary<string, int>? Names, string Expected)
{
    /// <summary>Minutes, 0-59.</summary>
    public static AwsCronFieldSpec Minutes { get; } = new("minutes", 0, 59, null, "0-59 with , - * /");

    /// <summary>Hours, 0-23.</summary>
    public static AwsCronFieldSpec Hours { get; } = new("hours", 0, 23, null, "0-23 with , - * /");

    /// <summary>Day of month, 1-31.</summary>
    public static AwsCronFieldSpec DayOfMonth { get; } = new("day-of-month", 1, 31, null, "1-31 with , - * / or ?, L, LW, or nW such as 15W");

    /// <summary>Month, 1-12 or JAN-DEC.</summary>
    public static AwsCronFieldSpec Month { get; } = new(
        "month",
        1,
        12,
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["JAN"] = 1, ["FEB"] = 2, ["MAR"] = 3, ["APR"] = 4, ["MAY"] = 5, ["JUN"] = 6,
            ["JUL"] = 7, ["AUG"] = 8, ["SEP"] = 9, ["OCT"] = 10, ["NOV"] = 11, ["DEC"] = 12,
        },
        "1-12 or JAN-DEC with , - * /");

    /// <summary>Day of week, 1-7 (Sunday is 1) or SUN-SAT.</summary>
    public static AwsCronFieldSpec DayOfWeek { get; } = new(
        "day-of-week",
        1,
        7,
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["SUN"] = 1, ["MON"] = 2, ["TUE"] = 3, ["WED"] = 4, ["THU"] = 5, ["FRI"] = 6, ["SAT"] = 7,
        },
        "1-7 (1 is Sunday) or SUN-SAT with , - * / or ?, L, nL such as 6L, or n#k such as 2#1");

    /// <summary>Year, 1970-2199.</summary>
    public static AwsCronFieldSpec Year { get; } = new("year", 1970, 2199, null, "1970-2199 with , - * /");
}
