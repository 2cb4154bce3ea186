namespace Copilot.Packaging.Records;

/// <summary>What copilot keeps about an application (SSM <c>/copilot/applications/&lt;app&gt;</c> plus its regional StackSet outputs).</summary>
internal sealed record ApplicationRecord
{
    /// <summary>The application name.</summary>
    public required string Name { get; init; }

    /// <summary>The AWS account ID that owns the application.</summary>
    public required string Account { get; init; }

    /// <summary>The IAM permissions boundary policy name for every role; empty when none.</summary>
    public string PermissionsBoundary { get; init; } = string.Empty;

    /// <summary>Tags applied to every stack of the application.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}

/// <summary>The application's regional resources (outputs of its <c>&lt;app&gt;-infrastructure</c> StackSet instance).</summary>
internal sealed record RegionalResources
{
    /// <summary>The region.</summary>
    public required string Region { get; init; }

    /// <summary>The artifact bucket (<c>PipelineBucket</c>).</summary>
    public required string Bucket { get; init; }

    /// <summary>The artifact KMS key ARN (<c>KMSKeyARN</c>).</summary>
    public required string KmsKeyArn { get; init; }

    /// <summary>ECR repository URLs by workload name (<c>ECRRepo*</c>).</summary>
    public IReadOnlyDictionary<string, string> Repositories { get; init; } = new Dictionary<string, string>();
}
