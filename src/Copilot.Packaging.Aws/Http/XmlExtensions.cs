using System.Xml.Linq;

namespace Copilot.Packaging.Aws.Http;

/// <summary>Namespace-agnostic reads of AWS XML answers (the namespace differs between services and API versions).</summary>
internal static class XmlExtensions
{
    /// <summary>The first child element named <paramref name="localName"/>, or null.</summary>
    internal static XElement? Child(this XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    /// <summary>The text of the first child element named <paramref name="localName"/>, or null.</summary>
    internal static string? ChildValue(this XElement element, string localName) => element.Child(localName)?.Value;

    /// <summary>The <c>member</c> elements of the list child named <paramref name="localName"/> (empty when absent).</summary>
    internal static IEnumerable<XElement> Members(this XElement element, string localName) =>
        element.Child(localName)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    /// <summary>The <c>item</c> elements of the EC2-style set child named <paramref name="localName"/> (empty when absent).</summary>
    internal static IEnumerable<XElement> Items(this XElement element, string localName) =>
        element.Child(localName)?.Elements().Where(e => e.Name.LocalName == "item") ?? [];
}
