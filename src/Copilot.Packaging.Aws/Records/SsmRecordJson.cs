using System.Text.Json;

namespace Copilot.Packaging.Aws.Records;

/// <summary>The fields packaging reads from copilot's SSM application record (<c>/copilot/applications/&lt;app&gt;</c>).</summary>
/// <param name="Name">The <c>name</c> field.</param>
/// <param name="Account">The <c>account</c> field.</param>
/// <param name="PermissionsBoundary">The <c>permissionsBoundary</c> field (empty when omitted).</param>
/// <param name="Tags">The <c>tags</c> object (empty when omitted).</param>
internal sealed record SsmApplicationJson(string Name, string Account, string PermissionsBoundary, IReadOnlyDictionary<string, string> Tags);

/// <summary>The fields packaging reads from copilot's SSM environment record (<c>/copilot/applications/&lt;app&gt;/environments/&lt;env&gt;</c>).</summary>
/// <param name="Name">The <c>name</c> field.</param>
/// <param name="Region">The <c>region</c> field.</param>
/// <param name="AccountId">The <c>accountID</c> field.</param>
/// <param name="ManagerRoleArn">The <c>managerRoleARN</c> field.</param>
/// <param name="ExecutionRoleArn">The <c>executionRoleARN</c> field.</param>
internal sealed record SsmEnvironmentJson(string Name, string Region, string AccountId, string ManagerRoleArn, string ExecutionRoleArn);

/// <summary>Parses copilot's SSM record JSON. Unknown fields are ignored; a value that is not a JSON object is an error naming the parameter.</summary>
internal static class SsmRecordJson
{
    /// <summary>Parses an application record.</summary>
    internal static SsmApplicationJson ParseApplication(string parameterName, string json)
    {
        using var document = Parse(parameterName, json);
        var root = document.RootElement;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("tags", out var tagObject) && tagObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in tagObject.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString() ?? string.Empty : tag.Value.GetRawText();
            }
        }

        return new SsmApplicationJson(String(root, "name"), String(root, "account"), String(root, "permissionsBoundary"), tags);
    }

    /// <summary>Parses an environment record.</summary>
    internal static SsmEnvironmentJson ParseEnvironment(string parameterName, string json)
    {
        using var document = Parse(parameterName, json);
        var root = document.RootElement;
        return new SsmEnvironmentJson(
            String(root, "name"),
            String(root, "region"),
            String(root, "accountID"),
            String(root, "managerRoleARN"),
            String(root, "executionRoleARN"));
    }

    private static JsonDocument Parse(string parameterName, string json)
    {
        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
            // Reported below with the parameter name.
        }

        throw new Errors.CopilotJobException($"the SSM parameter {parameterName} does not hold a copilot record: its value is not a JSON object");
    }

    private static string String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}
