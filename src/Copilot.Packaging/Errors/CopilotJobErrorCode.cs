namespace Copilot.Packaging.Errors;

/// <summary>
/// What kind of user error a <see cref="CopilotJobException"/> is, for callers that must tell kinds apart
/// (never by the message text).
/// </summary>
public enum CopilotJobErrorCode
{
    /// <summary>Any user error without a more specific code.</summary>
    General = 0,

    /// <summary>AWS is not configured for this run: no region, or no credentials, could be found. Nothing was asked of AWS.</summary>
    AwsNotConfigured,

    /// <summary>A named application or environment has no record where it was looked for (the records file, AWS, or both).</summary>
    RecordNotFound,
}
