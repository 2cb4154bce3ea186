using System.Text;
using Copilot.Packaging.Deploy;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Upload;

namespace Copilot.Packaging.Aws.Upload;

/// <summary>
/// Puts deploy templates in the application's regional artifact bucket under copilot's content-hash key,
/// <c>manual/templates/&lt;stack&gt;/&lt;sha256&gt;.yml</c>, through the same S3 code as the other artifacts, and names them
/// by the object's virtual-hosted URL (what CloudFormation's <c>TemplateURL</c> takes).
/// </summary>
internal sealed class S3TemplateStore(IArtifactStore store, string region, IPackagingReporter reporter) : ITemplateStore
{
    /// <summary>The key of a template: <c>manual/templates/&lt;stack&gt;/&lt;sha256hex&gt;.yml</c>.</summary>
    internal static string Key(string stackName, string templateText) =>
        $"manual/templates/{stackName}/{ArtifactPaths.Sha256Hex(Encoding.UTF8.GetBytes(templateText))}.yml";

    /// <inheritdoc />
    public async Task<string> PutTemplateAsync(string stackName, string templateText, CancellationToken cancellationToken)
    {
        var key = Key(stackName, templateText);
        var bytes = Encoding.UTF8.GetBytes(templateText);
        try
        {
            await new ArtifactUploads(store, reporter).EnsureAsync(key, () => bytes, "template", cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            throw new Errors.CopilotJobException($"upload {key} to bucket {store.Bucket}: {ex.ErrorCode}: {ex.ServiceMessage}", innerException: ex);
        }

        return ArtifactPaths.Url(store.Bucket, region, key);
    }
}
