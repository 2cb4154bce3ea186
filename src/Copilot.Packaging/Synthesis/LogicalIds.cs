using System.Text;

namespace Copilot.Packaging.Synthesis;

/// <summary>Turns names (sidecars, topics) into the alphanumeric fragments copilot uses in logical IDs.</summary>
internal static class LogicalIds
{
    /// <summary>Removes every character outside <c>[a-zA-Z0-9]</c> (<c>my-topic.fifo</c> becomes <c>mytopicfifo</c>).</summary>
    public static string Safe(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
