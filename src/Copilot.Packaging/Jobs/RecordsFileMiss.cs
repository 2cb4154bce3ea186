using Copilot.Packaging.Errors;
using Copilot.Packaging.Records.Workspace;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// What the workspace records file lacks (the application, or the environment) and the names it does have, worded for
/// the errors that say so first: "environment 'staging' is not in copilot/.records.yml (it has: prod, test)".
/// </summary>
/// <param name="Fact">The sentence that says what the file lacks and what it has.</param>
/// <param name="Subject">What is missing, for example <c>environment staging</c>.</param>
/// <param name="Advice">How to pick a record the file has, as a clause without the final period.</param>
/// <param name="ExportCommand">The <c>records export</c> command that would add the missing record to the file.</param>
internal sealed record RecordsFileMiss(string Fact, string Subject, string Advice, string ExportCommand)
{
    /// <summary>Describes what <paramref name="file"/> lacks for <paramref name="app"/> (and <paramref name="env"/>, when one is named).</summary>
    public static RecordsFileMiss Of(WorkspaceRecordStore file, string app, string? env)
    {
        var export = env is null ? "dotnet copilot-job records export -e <env>" : $"dotnet copilot-job records export -e {env}";
        if (file.ApplicationName != app)
        {
            return new RecordsFileMiss(
                $"application '{app}' is not in {file.Source} (it has: {file.ApplicationName})",
                $"application {app}",
                $"Use the application it has (-a {file.ApplicationName}, or no -a for the one in copilot/.workspace)",
                $"{export} -a {app}");
        }

        var names = file.EnvironmentNames;
        if (env is null || names.Count == 0)
        {
            return new RecordsFileMiss(
                $"{file.Source} has no environments of application {app}",
                $"the environments of application {app}",
                $"Add an environment to {file.Source}",
                export);
        }

        return new RecordsFileMiss(
            $"environment '{env}' is not in {file.Source} (it has: {string.Join(", ", names)})",
            $"environment {env}",
            $"Use one of the environments it has ({string.Join(" or ", names.Select(n => $"-e {n}"))})",
            export);
    }

    /// <summary>The error when AWS could not be asked: it is not configured, or this run has no AWS access.</summary>
    public CopilotJobException NotAskedInAws(string reason, string? awsAdvice, Exception? cause) => new(
        $"{Fact}, and it could not be looked up in AWS: {reason}",
        recommendation: $"{Advice}; or, if {Subject} exists in AWS, configure AWS to read it from there or to add it to the file with `{ExportCommand}`."
            + (awsAdvice is null ? string.Empty : $" {awsAdvice}"),
        innerException: cause,
        code: CopilotJobErrorCode.RecordNotFound);

    /// <summary>The error when AWS was asked and failed too: both facts in one message.</summary>
    public CopilotJobException NotFoundInAws(CopilotJobException awsError) => new(
        $"{Fact}, and looking it up in AWS failed: {awsError.Describe()}",
        recommendation: awsError.Recommendation is null ? $"{Advice}." : $"{Advice}. {awsError.Recommendation}",
        innerException: awsError,
        code: CopilotJobErrorCode.RecordNotFound);
}
