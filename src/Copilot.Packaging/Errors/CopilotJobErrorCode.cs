namespace Copilot.Packaging.Errors;

/// <summary>
/// What kind of user error a <see cref="CopilotJobException"/> is, for callers that must tell kinds apart
/// (never by the message text). The <c>--diff</c> exit code is decided on it.
/// </summary>
public enum CopilotJobErrorCode
{
    /// <summary>Any user error without a more specific code.</summary>
    General = 0,

    /// <summary>AWS is not configured for this run: no region, or no credentials, could be found. Nothing was asked of AWS.</summary>
    AwsNotConfigured,

    /// <summary>A named application or environment has no record where it was looked for (the records file, AWS, or both).</summary>
    RecordNotFound,

    /// <summary>A diff was asked for and no comparison could be made (the tool exits 2 for it).</summary>
    DiffUnavailable,

    /// <summary>
    /// A newer template version is deployed than the one this tool writes (<c>AllowDowngrade</c> on the request overrides
    /// it; a host adds how to ask for that).
    /// </summary>
    Downgrade,

    /// <summary>
    /// Reading from AWS failed (records, the deployed stack, the subnets of <c>from_tags</c>). A plain user error when
    /// packaging; with a diff it means that no comparison could be made.
    /// </summary>
    AwsRead,

    /// <summary>
    /// No application was named and <c>copilot/.workspace</c> names none. The recommendation says to name one without
    /// a host's spelling; a host replaces it with its own (the tool: <c>-a/--app</c>).
    /// </summary>
    ApplicationRequired,

    /// <summary>
    /// A local path a manifest or addons template names resolves outside the workspace and every directory the request
    /// allows (<c>AllowedOutsideWorkspace</c>). The recommendation says to allow its directory; a host says how.
    /// </summary>
    OutsideWorkspace,

    /// <summary>
    /// A batch of several jobs and environments was asked to print its templates: only one template can be printed, so
    /// the files must go to an output directory. The recommendation names no flag; a host says how.
    /// </summary>
    OutputDirectoryRequired,
}
