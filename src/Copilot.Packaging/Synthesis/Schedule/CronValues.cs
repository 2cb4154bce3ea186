namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>
/// The values one cron field fires on, as flags over the field's range (a field has at most 230 values: years
/// 1970-2199). Plain arrays rather than a sorted set: this runs on every packaging, where a sorted set of integers
/// costs more to prepare than the whole field takes to evaluate.
/// </summary>
internal sealed class CronValues
{
    private readonly bool[] present;
    private readonly int min;

    /// <summary>An empty set for values between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public CronValues(int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        this.min = min;
        present = new bool[max - min + 1];
    }

    /// <summary>A set holding exactly <paramref name="values"/>, all within <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static CronValues Of(int min, int max, params int[] values)
    {
        var set = new CronValues(min, max);
        foreach (var value in values)
        {
            set.Add(value);
        }

        return set;
    }

    /// <summary>Adds <paramref name="value"/>, which must lie in the field's range.</summary>
    public void Add(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, min);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value - min, present.Length, nameof(value));
        present[value - min] = true;
    }

    /// <summary>True when the field fires on <paramref name="value"/>.</summary>
    public bool Contains(int value) => value >= min && value - min < present.Length && present[value - min];

    /// <summary>The values in ascending order.</summary>
    public int[] Ascending()
    {
        var values = new List<int>(present.Length);
        for (var i = 0; i < present.Length; i++)
        {
            if (present[i])
            {
                values.Add(min + i);
            }
        }

        return [.. values];
    }

    /// <summary>The smallest value.</summary>
    /// <exception cref="InvalidOperationException">The set is empty.</exception>
    public int Min()
    {
        var i = Array.IndexOf(present, true);
        return i >= 0 ? min + i : throw new InvalidOperationException("The set of cron values is empty.");
    }
}
