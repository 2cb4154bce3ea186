using System.Text;

namespace Copilot.Packaging.Manifest.Binding;

/// <summary>
/// Splits a command string into words with the rules copilot uses (google/shlex): whitespace separates words; single
/// quotes keep everything literally; double quotes group, and inside them a backslash keeps the next character; a
/// backslash outside quotes keeps the next character; an unquoted <c>#</c> at the start of a word starts a comment that
/// runs to the end of the line.
/// </summary>
internal static class ShellWords
{
    /// <summary>Splits <paramref name="text"/>, or explains why it cannot be split.</summary>
    /// <returns>True with the words, or false with shlex's error text.</returns>
    public static bool TrySplit(string text, out IReadOnlyList<string> words, out string? error)
    {
        var result = new List<string>();
        var word = new StringBuilder();
        var state = State.Start;
        error = null;
        words = result;
        foreach (var c in text)
        {
            switch (state)
            {
                case State.Start:
                    if (IsSpace(c))
                    {
                        break;
                    }

                    state = c switch
                    {
                        '#' => State.Comment,
                        '"' => State.DoubleQuoted,
                        '\'' => State.SingleQuoted,
                        '\\' => State.Escaping,
                        _ => State.Word,
                    };
                    if (state == State.Word)
                    {
                        word.Append(c);
                    }

                    break;
                case State.Word:
                    if (IsSpace(c))
                    {
                        result.Add(word.ToString());
                        word.Clear();
                        state = State.Start;
                    }
                    else
                    {
                        state = c switch
                        {
                            '"' => State.DoubleQuoted,
                            '\'' => State.SingleQuoted,
                            '\\' => State.Escaping,
                            _ => State.Word,
                        };
                        if (state == State.Word)
                        {
                            word.Append(c);
                        }
                    }

                    break;
                case State.Escaping:
                    word.Append(c);
                    state = State.Word;
                    break;
                case State.DoubleQuoted:
                    if (c == '"')
                    {
                        state = State.Word;
                    }
                    else if (c == '\\')
                    {
                        state = State.EscapingInDoubleQuotes;
                    }
                    else
                    {
                        word.Append(c);
                    }

                    break;
                case State.EscapingInDoubleQuotes:
                    word.Append(c);
                    state = State.DoubleQuoted;
                    break;
                case State.SingleQuoted:
                    if (c == '\'')
                    {
                        state = State.Word;
                    }
                    else
                    {
                        word.Append(c);
                    }

                    break;
                case State.Comment:
                    if (c == '\n')
                    {
                        state = State.Start;
                    }

                    break;
            }
        }

        switch (state)
        {
            case State.Word:
                result.Add(word.ToString());
                break;
            case State.Escaping or State.EscapingInDoubleQuotes:
                error = "EOF found after escape character";
                return false;
            case State.DoubleQuoted or State.SingleQuoted:
                error = "EOF found when expecting closing quote";
                return false;
        }

        return true;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private enum State
    {
        Start,
        Word,
        Escaping,
        DoubleQuoted,
        EscapingInDoubleQuotes,
        SingleQuoted,
        Comment,
    }
}
