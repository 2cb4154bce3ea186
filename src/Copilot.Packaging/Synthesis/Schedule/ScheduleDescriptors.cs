using System.Globalization;
using Copilot.Packaging.Conversions;

namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>
/// The <c>@</c> forms of a manifest schedule: robfig/cron's named presets (<c>@daily</c>) and <c>@every &lt;duration&gt;</c>,
/// converted exactly as copilot converts them.
/// </summary>
internal static class ScheduleDescriptors
{
    /// <summary>The prefix of a fixed-interval schedule, with its single space.</summary>
    public const string EveryPrefix = "@every ";

    private static readonly Dictionary<string, string> Presets = new(StringComparer.Ordinal)
    {
        ["@yearly"] = "cron(0 0 1 1 ? *)",
        ["@annually"] = "cron(0 0 1 1 ? *)",
        ["@monthly"] = "cron(0 0 1 * ? *)",
        ["@weekly"] = "cron(0 0 ? * 1 *)",
        ["@daily"] = "cron(0 0 * * ? *)",
        ["@midnight"] = "cron(0 0 * * ? *)",
        ["@hourly"] = "cron(0 * * * ? *)",
    };

    /// <summary>The accepted presets, for messages.</summary>
    public static string PresetList => string.Join(", ", Presets.Keys);

    /// <summary>Looks up a preset by its exact spelling (robfig matches case-sensitively and without trimming).</summary>
    public static bool TryGetPreset(string descriptor, out string awsExpression) =>
        Presets.TryGetValue(descriptor, out awsExpression!);

    /// <summary>
    /// Parses the duration of <c>@every &lt;duration&gt;</c> as robfig does before copilot converts it.
    /// </summary>
    /// <param name="schedule">The whole schedule, starting with <see cref="EveryPrefix"/>.</param>
    /// <param name="interval">The parsed duration.</param>
    /// <param name="error">robfig's message, for example <c>failed to parse duration @every 4 days: ...</c>.</param>
    public static bool TryParseEvery(string schedule, out TimeSpan interval, out string? error)
    {
        if (GoDuration.TryParse(schedule[EveryPrefix.Length..], out interval, out var goError))
        {
            error = null;
            return true;
        }

        error = $"failed to parse duration {schedule}: {goError}";
        return false;
    }

    /// <summary>
    /// Converts a fixed interval to <c>rate(1 minute)</c> or <c>rate(N minutes)</c>, with copilot's rules: the interval must be a
    /// whole number of minutes and at least one minute.
    /// </summary>
    /// <param name="interval">The parsed interval.</param>
    /// <param name="rate">The rate expression.</param>
    /// <param name="error">What is wrong, starting with copilot's phrase, and a valid rewrite.</param>
    public static bool TryConvertInterval(TimeSpan interval, out string? rate, out string? error)
    {
        rate = null;
        if (interval.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            var below = interval.Ticks / TimeSpan.TicksPerMinute;
            var suggestions = below >= 1
                ? $"\"@every {FormatMinutes(below)}\" or \"@every {FormatMinutes(below + 1)}\""
                : "\"@every 1m\"";
            error = $"duration must be a whole number of minutes or hours; {FormatInterval(interval)} is not, use for example {suggestions}";
            return false;
        }

        var minutes = interval.Ticks / TimeSpan.TicksPerMinute;
        if (minutes < 1)
        {
            error = $"duration must be greater than or equal to 1 minute; got {FormatInterval(interval)}, use for example \"@every 1m\"";
            return false;
        }

        rate = minutes == 1 ? "rate(1 minute)" : string.Create(CultureInfo.InvariantCulture, $"rate({minutes} minutes)");
        error = null;
        return true;
    }

    /// <summary>A whole number of minutes the way a Go duration is written in a manifest (<c>90</c> becomes <c>1h30m</c>).</summary>
    private static string FormatMinutes(long minutes)
    {
        var hours = minutes / 60;
        var rest = minutes % 60;
        return (hours, rest) switch
        {
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"{rest}m"),
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{hours}h"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{hours}h{rest}m"),
        };
    }

    private static string FormatInterval(TimeSpan interval)
    {
        var sign = interval < TimeSpan.Zero ? "-" : string.Empty;
        var abs = interval.Duration();
        var minutes = abs.Ticks / TimeSpan.TicksPerMinute;
        var seconds = (decimal)(abs.Ticks % TimeSpan.TicksPerMinute) / TimeSpan.TicksPerSecond;
        var secondsText = seconds.ToString("0.#######", CultureInfo.InvariantCulture) + "s";
        if (minutes == 0)
        {
            return sign + secondsText;
        }

        return sign + FormatMinutes(minutes) + (seconds == 0 ? string.Empty : secondsText);
    }
}
