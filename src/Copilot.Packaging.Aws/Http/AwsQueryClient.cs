using System.Text;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;

namespace Copilot.Packaging.Aws.Http;

/// <summary>
/// The AWS Query protocol (CloudFormation, STS, IAM): a form-encoded POST with <c>Action</c> and <c>Version</c>, and an
/// XML answer. Returns the <c>&lt;Action&gt;Result</c> element; errors become <see cref="AwsServiceException"/>.
/// </summary>
internal sealed class AwsQueryClient(AwsHttpSender sender, AwsServiceEndpoint endpoint, AWSCredentials credentials, string apiVersion)
{
    /// <summary>The endpoint calls go to.</summary>
    internal AwsServiceEndpoint Endpoint => endpoint;

    /// <summary>Calls <paramref name="action"/> with <paramref name="parameters"/> (already flattened, for example <c>Parameters.member.1.ParameterKey</c>).</summary>
    internal async Task<XElement> CallAsync(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var form = new StringBuilder()
            .Append("Action=").Append(Encode(action))
            .Append("&Version=").Append(Encode(apiVersion));
        foreach (var (name, value) in parameters)
        {
            form.Append('&').Append(Encode(name)).Append('=').Append(Encode(value));
        }

        var text = await sender.PostAsync(
            endpoint,
            credentials,
            action,
            "application/x-www-form-urlencoded; charset=utf-8",
            Encoding.UTF8.GetBytes(form.ToString()),
            [],
            ParseError,
            cancellationToken).ConfigureAwait(false);

        XElement root;
        try
        {
            root = AwsAnswerLimits.ParseXml(text, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException ex)
        {
            throw new AwsServiceException(endpoint.Service, action, "InvalidResponse", $"the answer is not XML ({ex.Message})", System.Net.HttpStatusCode.OK);
        }

        return root.Child(action + "Result") ?? root;
    }

    /// <summary>RFC 3986 percent-encoding of a form name or value (unreserved characters stay as they are).</summary>
    internal static string Encode(string value) => Uri.EscapeDataString(value);

    /// <summary>Reads <c>Code</c> and <c>Message</c> from a Query error document; empty strings when it is not one.</summary>
    internal static (string Code, string Message) ParseError(string body)
    {
        try
        {
            var root = AwsAnswerLimits.ParseXml(body);
            var error = root.Name.LocalName == "Error" ? root : root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            if (error is null)
            {
                return (string.Empty, string.Empty);
            }

            return (error.ChildValue("Code") ?? string.Empty, error.ChildValue("Message") ?? string.Empty);
        }
        catch (XmlException)
        {
            return (string.Empty, string.Empty);
        }
    }
}
