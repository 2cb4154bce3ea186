namespace Copilot.Packaging.Errors;

/// <summary>
/// What kind of user error a <see cref="CopilotJobException"/> is. Code that must treat errors differently (the exit
/// code of <c>--diff</c>) decides on this, never on the message text.
/// </summary>
public enum CopilotJobErrorCode
{
    /// <summary>An error the user can fix: a bad manifest, a missing record, a refused flag combination.</summary>
    UserError = 0,

    /// <summary>A diff was asked for and no comparison could be made (the tool exits 2 for it).</summary>
    DiffUnavailable,

    /// <summary>A newer template version is deployed than the one this tool writes (<c>--allow-downgrade</c> overrides it).</summary>
    Downgrade,

    /// <summary>
    /// Reading from AWS failed (records, the deployed stack, the subnets of <c>from_tags</c>). A plain user error when
    /// packaging; with a diff it means that no comparison could be made.
    /// </summary>
    AwsRead,
}
