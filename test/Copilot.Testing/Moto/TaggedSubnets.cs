using System.Globalization;
using System.Xml.Linq;

namespace Copilot.Testing.Moto;

/// <summary>
/// Creates VPCs and tagged subnets in moto's EC2 through the product's own signed Query client (seeding only), for the
/// <c>network.vpc.placement.subnets.from_tags</c> lookups.
/// </summary>
public sealed class TaggedSubnets(MotoServer server)
{
    private const string Ec2ApiVersion = "2016-11-15";

    /// <summary>Creates a VPC with <paramref name="cidr"/> and returns its ID.</summary>
    public async Task<string> CreateVpcAsync(string cidr, string region = CopilotWorld.Region)
    {
        var answer = await CallEc2Async(region, "CreateVpc", [new("CidrBlock", cidr)]).ConfigureAwait(false);
        return Value(answer, "vpcId");
    }

    /// <summary>Creates a subnet of <paramref name="vpcId"/> with <paramref name="cidr"/> and <paramref name="tags"/>; returns its ID.</summary>
    public async Task<string> CreateSubnetAsync(string vpcId, string cidr, IReadOnlyDictionary<string, string> tags, string region = CopilotWorld.Region)
    {
        var answer = await CallEc2Async(region, "CreateSubnet", [new("VpcId", vpcId), new("CidrBlock", cidr)]).ConfigureAwait(false);
        var subnetId = Value(answer, "subnetId");
        if (tags.Count > 0)
        {
            var form = new List<KeyValuePair<string, string>> { new("ResourceId.1", subnetId) };
            var i = 0;
            foreach (var (key, value) in tags)
            {
                i++;
                form.Add(new(string.Create(CultureInfo.InvariantCulture, $"Tag.{i}.Key"), key));
                form.Add(new(string.Create(CultureInfo.InvariantCulture, $"Tag.{i}.Value"), value));
            }

            await CallEc2Async(region, "CreateTags", form).ConfigureAwait(false);
        }

        return subnetId;
    }

    /// <summary>Makes any EC2 Query call with dummy keys and returns the answer's root element.</summary>
    public async Task<XElement> CallEc2Async(string region, string action, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var context = server.CreateContext(region);
        return await context.QueryClient("EC2", "ec2", region, null, Ec2ApiVersion).CallAsync(action, form, CancellationToken.None).ConfigureAwait(false);
    }

    private static string Value(XElement answer, string localName) =>
        answer.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value
        ?? throw new InvalidOperationException($"moto's answer has no {localName}: {answer}");
}
