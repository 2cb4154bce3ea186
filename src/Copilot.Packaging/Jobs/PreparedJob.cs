using Copilot.Packaging.Workspace;

namespace Copilot.Packaging.Jobs;

/// <summary>What <see cref="JobPackager.PrepareAsync"/> found.</summary>
internal sealed record PreparedJob(CopilotWorkspace Workspace, string App, string Job, JobRecords Records, JobManifest Manifest, string StackName);
