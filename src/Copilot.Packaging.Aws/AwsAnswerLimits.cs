using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Aws;

/// <summary>
/// The bounds on what AWS answers, the same as on workspace files: a body size, a nesting depth, no DTDs or entity
/// expansion in XML, and (for YAML, through <see cref="Yaml.BoundedYamlLoader"/>) alias expansion. An answer over a
/// bound is a <see cref="CopilotJobException"/> naming the call, stack or parameter, never a crash.
/// </summary>
internal static class AwsAnswerLimits
{
    /// <summary>The largest response body read (CloudFormation templates are at most 1 MB; their XML escaping adds to it).</summary>
    internal const int MaxBodyBytes = 8 * 1024 * 1024;

    /// <summary>The deepest nesting accepted in JSON and XML answers.</summary>
    internal const int MaxDepth = 128;

    /// <summary>JSON reading options with <see cref="MaxDepth"/>.</summary>
    internal static readonly JsonDocumentOptions Json = new() { MaxDepth = MaxDepth };

    /// <summary>Reads a response body, refusing more than <see cref="MaxBodyBytes"/> bytes while reading.</summary>
    /// <exception cref="CopilotJobException">The body is larger.</exception>
    internal static async Task<string> ReadBodyAsync(HttpContent content, string service, string operation, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is > MaxBodyBytes)
        {
            throw TooLarge(service, operation, content.Headers.ContentLength.Value);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge(service, operation, null);
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Parses an XML answer without DTDs, entity expansion or nesting deeper than <see cref="MaxDepth"/>.</summary>
    /// <exception cref="XmlException">The text is not XML, or breaks a bound (the message says which).</exception>
    internal static XElement ParseXml(string text, LoadOptions options = LoadOptions.None)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = MaxBodyBytes,
            IgnoreWhitespace = !options.HasFlag(LoadOptions.PreserveWhitespace),
        };

        // A first pass measures depth before any tree is built.
        using (var reader = XmlReader.Create(new StringReader(text), settings))
        {
            while (reader.Read())
            {
                if (reader.Depth > MaxDepth)
                {
                    throw new XmlException($"the document nests elements more than {MaxDepth} levels deep");
                }
            }
        }

        using var load = XmlReader.Create(new StringReader(text), settings);
        return XElement.Load(load, options);
    }

    /// <summary>Refuses a text read from AWS that is larger than <paramref name="maxChars"/> characters.</summary>
    /// <exception cref="CopilotJobException">It is larger.</exception>
    internal static void EnsureSize(string text, int maxChars, string what)
    {
        if (text.Length > maxChars)
        {
            throw new CopilotJobException($"{what} is {text.Length} characters long; at most {maxChars} are accepted");
        }
    }

    internal static CopilotJobException TooLarge(string service, string operation, long? length) =>
        new(
            $"the answer of {service} {operation} is {(length is { } n ? $"{n} bytes" : "larger than the limit")}; at most {MaxBodyBytes} bytes are read from AWS",
            recommendation: "Check AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_<SERVICE>) if it is set: AWS does not send answers this large.");
}
