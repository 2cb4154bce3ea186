using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Copilot.Packaging.Diff;

/// <summary>Writes the sections described on <see cref="ParameterDiff"/>.</summary>
internal static class ParameterDiffText
{
    private const int EntryIndent = 4;

    // A JSON string literal that keeps non-ASCII text as it is; source-generated, so no reflection (Native AOT).
    private static readonly QuotedValueJsonContext QuotedValue = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static void Write(ParameterDiff diff, DiffLines lines)
    {
        WriteSection("Parameter values:", diff.Parameters, lines);
        WriteSection("Tags:", diff.Tags, lines);
    }

    private static void WriteSection(string header, IReadOnlyList<ValueChange> changes, DiffLines lines)
    {
        if (changes.Count == 0)
        {
            return;
        }

        lines.Add(0, header);
        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case ValueChangeKind.Added:
                    lines.Add(EntryIndent, $"+ {change.Name}: {Format(change.NewValue)}", LineStyle.Added);
                    break;
                case ValueChangeKind.Removed:
                    lines.Add(EntryIndent, $"- {change.Name}: {Format(change.OldValue)}", LineStyle.Removed);
                    break;
                case ValueChangeKind.Modified:
                    lines.Add(EntryIndent, $"~ {change.Name}: {Format(change.OldValue)} -> {Format(change.NewValue)}", LineStyle.Modified);
                    break;
                default:
                    lines.Add(EntryIndent, $"? {change.Name}: {change.Note}", LineStyle.Faint);
                    break;
            }
        }
    }

    private static string Format(string? value)
    {
        value ??= string.Empty;
        var needsQuotes = value.Length == 0 || value != value.Trim() || value.Any(char.IsControl);
        return needsQuotes ? JsonSerializer.Serialize(value, QuotedValue.String) : value;
    }
}

/// <summary>The serializer metadata <see cref="ParameterDiffText"/> quotes values with.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class QuotedValueJsonContext : JsonSerializerContext;
