using Copilot.Packaging.Deploy;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Tests.Upload;
using static Copilot.Packaging.Tests.Deploy.FakeCloudFormation;

namespace Copilot.Packaging.Tests.Deploy;

/// <summary>Every decision of the deploy engine against a scripted CloudFormation, on a clock whose delays are instant.</summary>
[TestFixture]
public sealed class StackDeployEngineTests
{
    private const string Stack = "my-app-test-job";
    private const string Role = "arn:aws:iam::123456789012:role/my-app-test-CFNExecutionRole";

    private static readonly ResourceChange LogGroup = new("Add", "LogGroup", "AWS::Logs::LogGroup");
    private static readonly ResourceChange TaskDefinition = new("Add", "TaskDefinition", "AWS::ECS::TaskDefinition");
    private static readonly ResourceChange RuleRole = new("Add", "RuleRole", "AWS::IAM::Role");

    private FakeCloudFormation cloudFormation = null!;
    private RecordingReporter reporter = null!;
    private RecordingProgress progress = null!;
    private InstantTimeProvider clock = null!;

    [SetUp]
    public void SetUp()
    {
        cloudFormation = new FakeCloudFormation();
        reporter = new RecordingReporter();
        progress = new RecordingProgress();
        clock = new InstantTimeProvider();
    }

    [Test]
    public async Task A_missing_stack_is_created_by_a_CREATE_change_set_with_copilots_fields_and_watched_to_its_final_event()
    {
        cloudFormation.ChangeSetAnswers.Enqueue(new ChangeSetDescription("CREATE_PENDING", "UNAVAILABLE", null, CreatedAt, []));
        cloudFormation.ChangeSetAnswers.Enqueue(Ready(LogGroup, RuleRole, TaskDefinition));
        cloudFormation.History.Add(Event(Stack, "REVIEW_IN_PROGRESS", -1, "User Initiated"));
        cloudFormation.Batches.Enqueue([Event(Stack, "CREATE_IN_PROGRESS", 1, "User Initiated"), Event("LogGroup", "CREATE_IN_PROGRESS", 2)]);
        cloudFormation.Batches.Enqueue([Event("LogGroup", "CREATE_COMPLETE", 4), Event("TaskDefinition", "CREATE_IN_PROGRESS", 5), Event("RuleRole", "CREATE_COMPLETE", 5)]);
        cloudFormation.Batches.Enqueue([Event("TaskDefinition", "CREATE_COMPLETE", 9), Event(Stack, "CREATE_COMPLETE", 10)]);
        cloudFormation.FinalState = new StackState(StackId, Stack, "CREATE_COMPLETE");

        var result = await Engine().DeployAsync(Request(), progress, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(StackDeployOutcome.Succeeded));
            Assert.That(result.Type, Is.EqualTo(ChangeSetType.Create));
            Assert.That(result.FinalStatus, Is.EqualTo("CREATE_COMPLETE"));
            Assert.That(cloudFormation.Created!.ChangeSetName, Is.EqualTo("copilot-test"));
            Assert.That(cloudFormation.Created.Capabilities, Is.EqualTo(new[] { "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND" }));
            Assert.That(cloudFormation.Created.IncludeNestedStacks, Is.True);
            Assert.That(cloudFormation.Created.RoleArn, Is.EqualTo(Role));
            Assert.That(cloudFormation.Created.TemplateUrl, Is.EqualTo("https://bucket.s3.us-west-2.amazonaws.com/manual/templates/t.yml"));
            Assert.That(cloudFormation.Created.Tags.Select(t => t.Key), Is.EqualTo(new[] { "copilot-application", "copilot-environment", "copilot-service", "owner" }), "sorted by key");
            Assert.That(cloudFormation.Created.Parameters.Select(p => p.Key), Is.EqualTo(new[] { "AppName", "EnvName" }), "in the order given");
            Assert.That(cloudFormation.ExecutedWithDisableRollback, Is.False);
            Assert.That(
                cloudFormation.Calls,
                Is.EqualTo(new[]
                {
                    "DescribeStacks", "CreateChangeSet Create", "DescribeChangeSet", "DescribeChangeSet", "ExecuteChangeSet",
                    "DescribeStackEvents", "DescribeStackEvents page 2", "DescribeStackEvents", "DescribeStackEvents page 2",
                    "DescribeStackEvents", "DescribeStackEvents page 2", "DescribeStacks",
                }), "pages back only until an event already seen; stops at the stack's own final event");
            Assert.That(progress.Lines, Is.EqualTo(new[]
            {
                "started Creating the infrastructure for stack my-app-test-job: LogGroup, TaskDefinition",
                "my-app-test-job CREATE_IN_PROGRESS",
                "LogGroup CREATE_IN_PROGRESS",
                "LogGroup CREATE_COMPLETE",
                "TaskDefinition CREATE_IN_PROGRESS",
                "TaskDefinition CREATE_COMPLETE",
                "my-app-test-job CREATE_COMPLETE",
                "finished",
            }), "rows only for described resources (RuleRole has no description); the REVIEW event from before the change set is not this operation's");
            Assert.That(progress.Last!.Resources.Single(r => r.LogicalId == "TaskDefinition").Elapsed(progress.Last.Now), Is.EqualTo(TimeSpan.FromSeconds(4)));
            Assert.That(reporter.Infos, Does.Contain($"Proposing infrastructure changes for stack {Stack}"));
        }
    }

    [Test]
    public async Task An_existing_stack_is_updated_and_no_rollback_sets_DisableRollback_on_execution_only()
    {
        cloudFormation.Stack = new StackState(StackId, Stack, "UPDATE_ROLLBACK_COMPLETE");
        cloudFormation.ChangeSetAnswers.Enqueue(Ready(new ResourceChange("Modify", "TaskDefinition", "AWS::ECS::TaskDefinition")));
        cloudFormation.History.Add(Event(Stack, "UPDATE_COMPLETE", -60));
        cloudFormation.Batches.Enqueue([Event(Stack, "UPDATE_IN_PROGRESS", 1), Event("TaskDefinition", "UPDATE_COMPLETE", 3), Event(Stack, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", 4)]);
        cloudFormation.Batches.Enqueue([Event(Stack, "UPDATE_COMPLETE", 6)]);
        cloudFormation.FinalState = new StackState(StackId, Stack, "UPDATE_COMPLETE");

        var result = await Engine().DeployAsync(Request() with { DisableRollback = true }, progress, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(StackDeployOutcome.Succeeded));
            Assert.That(result.Type, Is.EqualTo(ChangeSetType.Update));
            Assert.That(cloudFormation.Calls[1], Is.EqualTo("CreateChangeSet Update"));
            Assert.That(cloudFormation.ExecutedWithDisableRollback, Is.True);
            Assert.That(progress.Lines[0], Is.EqualTo("started Updating the infrastructure for stack my-app-test-job: TaskDefinition"));
            Assert.That(progress.Lines[^2], Is.EqualTo("my-app-test-job UPDATE_COMPLETE"), "the cleanup event does not end the watch; the final event does");
        }
    }

    [Test]
    public async Task An_empty_change_set_is_deleted_and_nothing_is_executed()
    {
        cloudFormation.Stack = new StackState(StackId, Stack, "UPDATE_COMPLETE");
        cloudFormation.ChangeSetAnswers.Enqueue(new ChangeSetDescription(
            "FAILED", "UNAVAILABLE", "The submitted information didn't contain changes. Submit different information to create a change set.", CreatedAt, [])
        {
            ChangesNothing = true,
        });

        var result = await Engine().DeployAsync(Request(), progress, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(StackDeployOutcome.NoChanges));
            Assert.That(cloudFormation.Calls, Is.EqualTo(new[] { "DescribeStacks", "CreateChangeSet Update", "DescribeChangeSet", "DeleteChangeSet" }));
            Assert.That(progress.Lines, Is.Empty);
        }
    }

    [Test]
    public async Task A_failed_set_the_adapter_does_not_call_empty_is_a_failure_whatever_its_text()
    {
        cloudFormation.Stack = new StackState(StackId, Stack, "UPDATE_COMPLETE");
        cloudFormation.ChangeSetAnswers.Enqueue(new ChangeSetDescription("FAILED", "UNAVAILABLE", "The submitted information didn't contain changes.", CreatedAt, [LogGroup]));

        var ex = Assert.ThrowsAsync<CopilotJobException>(() => Engine().DeployAsync(Request(), progress, CancellationToken.None));

        Assert.That(ex!.Message, Does.StartWith("change set copilot-test for stack my-app-test-job failed: "));
    }

    [TestCase("ROLLBACK_COMPLETE")]
    [TestCase("ROLLBACK_FAILED")]
    public async Task A_stack_whose_creation_failed_is_deleted_and_created_again_saying_so(string status)
    {
        cloudFormation.Stack = new StackState(StackId, Stack, status);
        cloudFormation.AfterDelete = new StackState(StackId, Stack, "DELETE_IN_PROGRESS");
        cloudFormation.ChangeSetAnswers.Enqueue(Ready(LogGroup));
        cloudFormation.Batches.Enqueue([Event(Stack, "CREATE_IN_PROGRESS", 1), Event(Stack, "CREATE_COMPLETE", 2)]);
        cloudFormation.FinalState = new StackState(StackId, Stack, "CREATE_COMPLETE");
        var gone = false;
        var engine = new StackDeployEngine(new DeletingSlowly(cloudFormation, () => gone = true), reporter, clock, () => "copilot-test");

        var result = await engine.DeployAsync(Request(), progress, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(StackDeployOutcome.Succeeded));
            Assert.That(gone, Is.True);
            Assert.That(cloudFormation.Calls.Take(5), Is.EqualTo(new[] { "DescribeStacks", "DeleteStack", "DescribeStacks", "DescribeStacks", "CreateChangeSet Create" }), "waits for the deletion before creating");
            Assert.That(reporter.Infos[0], Is.EqualTo($"Stack {Stack} is in {status} after a failed creation: deleting it so that it can be created again."));
            Assert.That(reporter.Infos, Does.Contain($"Deleted stack {Stack}."));
        }
    }

    [TestCase("UPDATE_IN_PROGRESS", "aws cloudformation wait stack-update-complete")]
    [TestCase("CREATE_IN_PROGRESS", "aws cloudformation wait stack-create-complete")]
    [TestCase("UPDATE_ROLLBACK_IN_PROGRESS", "wait stack-rollback-complete")]
    [TestCase("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "wait stack-update-complete")]
    [TestCase("REVIEW_IN_PROGRESS", "never executed")]
    [TestCase("DELETE_IN_PROGRESS", "Wait until the deletion")]
    public void A_busy_stack_is_refused_with_what_to_wait_for(string status, string advice)
    {
        cloudFormation.Stack = new StackState(StackId, Stack, status);

        var ex = Assert.ThrowsAsync<CopilotJobException>(() => Engine().DeployAsync(Request(), progress, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Message, Is.EqualTo($"stack {Stack} is {status} and cannot be deployed to until that finishes"));
            Assert.That(ex.Recommendation, Does.Contain(advice));
            Assert.That(cloudFormation.Calls, Is.EqualTo(new[] { "DescribeStacks" }), "nothing is proposed");
        }
    }

    [Test]
    public void A_change_set_that_fails_for_a_real_reason_fails_with_that_reason_and_leaves_no_empty_stack_behind()
    {
        cloudFormation.ChangeSetAnswers.Enqueue(new ChangeSetDescription("FAILED", "UNAVAILABLE", "Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template", CreatedAt, []));

        var ex = Assert.ThrowsAsync<CopilotJobException>(() => Engine().DeployAsync(Request(), progress, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Message, Is.EqualTo("change set copilot-test for stack my-app-test-job failed: Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template"));
            Assert.That(cloudFormation.Calls, Is.EqualTo(new[] { "DescribeStacks", "CreateChangeSet Create", "DescribeChangeSet", "DeleteChangeSet", "DescribeStacks", "DeleteStack" }));
            Assert.That(cloudFormation.Calls, Does.Not.Contain("ExecuteChangeSet"));
        }
    }

    [Test]
    public async Task A_failed_execution_reports_this_operations_resource_reasons_only_and_the_final_status()
    {
        cloudFormation.Stack = new StackState(StackId, Stack, "UPDATE_COMPLETE");
        cloudFormation.ChangeSetAnswers.Enqueue(Ready(new ResourceChange("Modify", "TaskDefinition", "AWS::ECS::TaskDefinition"), LogGroup));
        cloudFormation.History.Add(Event("LogGroup", "CREATE_FAILED", -3600, "an old failure from last week"));
        cloudFormation.Batches.Enqueue([
            Event(Stack, "UPDATE_IN_PROGRESS", 1, "User Initiated"),
            Event("TaskDefinition", "UPDATE_IN_PROGRESS", 2, type: "AWS::ECS::TaskDefinition"),
            Event("TaskDefinition", "UPDATE_FAILED", 3, "Resource handler returned message: \"Invalid request provided: Create TaskDefinition: cpu 3 is not valid\"", "AWS::ECS::TaskDefinition"),
            Event("LogGroup", "UPDATE_FAILED", 3, "Resource update cancelled"),
            Event(Stack, "UPDATE_ROLLBACK_IN_PROGRESS", 4, "The following resource(s) failed to update: [TaskDefinition]."),
        ]);
        cloudFormation.Batches.Enqueue([Event("TaskDefinition", "UPDATE_COMPLETE", 6, type: "AWS::ECS::TaskDefinition"), Event(Stack, "UPDATE_ROLLBACK_COMPLETE", 8)]);
        cloudFormation.FinalState = new StackState(StackId, Stack, "UPDATE_ROLLBACK_COMPLETE");

        var result = await Engine().DeployAsync(Request(), progress, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(StackDeployOutcome.Failed));
            Assert.That(result.FinalStatus, Is.EqualTo("UPDATE_ROLLBACK_COMPLETE"));
            Assert.That(result.Failures.Select(f => f.ToString()), Is.EqualTo(new[]
            {
                "TaskDefinition (AWS::ECS::TaskDefinition) UPDATE_FAILED: Resource handler returned message: \"Invalid request provided: Create TaskDefinition: cpu 3 is not valid\"",
                "LogGroup (AWS::Logs::LogGroup) UPDATE_FAILED: Resource update cancelled",
            }), "not the old failure, and the stack's summary only when no resource says more");
            var row = progress.Last!.Resources.Single(r => r.LogicalId == "TaskDefinition");
            Assert.That(row.Failed, Is.True, "a row that failed once stays marked even after the rollback completes it");
            Assert.That(row.Reasons, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Without_resource_events_the_stacks_own_reason_is_the_failure()
    {
        cloudFormation.ChangeSetAnswers.Enqueue(Ready(LogGroup));
        cloudFormation.Batches.Enqueue([Event(Stack, "CREATE_IN_PROGRESS", 1), Event(Stack, "ROLLBACK_IN_PROGRESS", 2, "The following resource(s) failed to create: [LogGroup]."), Event(Stack, "ROLLBACK_COMPLETE", 3)]);
        cloudFormation.FinalState = new StackState(StackId, Stack, "ROLLBACK_COMPLETE");

        var result = await Engine().DeployAsync(Request(), progress, CancellationToken.None);

        Assert.That(result.Failures.Select(f => f.Reason), Is.EqualTo(new[] { "The following resource(s) failed to create: [LogGroup]." }));
    }

    [Test]
    public void A_refused_execution_fails_with_the_reason_and_removes_the_unexecuted_creation()
    {
        cloudFormation.ChangeSetAnswers.Enqueue(Ready(LogGroup));
        cloudFormation.ExecuteError = new StackOperationException("ExecuteChangeSet", "ValidationError", "No export named my-app-test-ClusterId found.");

        var ex = Assert.ThrowsAsync<CopilotJobException>(() => Engine().DeployAsync(Request(), progress, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Message, Is.EqualTo("execute change set copilot-test for stack my-app-test-job: ValidationError: No export named my-app-test-ClusterId found."));
            Assert.That(cloudFormation.Calls[^3..], Is.EqualTo(new[] { "DeleteChangeSet", "DescribeStacks", "DeleteStack" }));
        }
    }

    [Test]
    public async Task Ctrl_C_while_a_stack_is_created_deletes_it()
    {
        using var cancel = new CancellationTokenSource();
        cloudFormation.ChangeSetAnswers.Enqueue(Ready(LogGroup));
        cloudFormation.Batches.Enqueue([Event(Stack, "CREATE_IN_PROGRESS", 1)]);
        cloudFormation.Batches.Enqueue([Event("LogGroup", "CREATE_IN_PROGRESS", 2)]);
        cloudFormation.OnEvents = call =>
        {
            if (call == 2)
            {
                cancel.Cancel();
            }
        };

        var result = await Engine().DeployAsync(Request(), progress, cancel.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(StackDeployOutcome.Cancelled));
            Assert.That(result.FinalStatus, Is.EqualTo("DELETE_COMPLETE"));
            Assert.That(cloudFormation.Calls[^3..], Is.EqualTo(new[] { "DescribeStacks", "DeleteStack", "DescribeStacks" }));
            Assert.That(reporter.Infos, Does.Contain($"Cancelled: deleting stack {Stack}, which was being created."));
            Assert.That(progress.Lines[^1], Is.EqualTo("finished"));
        }
    }

    [Test]
    public async Task Ctrl_C_while_a_stack_is_updated_cancels_the_update_and_waits_for_the_rollback()
    {
        using var cancel = new CancellationTokenSource();
        cloudFormation.Stack = new StackState(StackId, Stack, "UPDATE_COMPLETE");
        cloudFormation.ChangeSetAnswers.Enqueue(Ready(LogGroup));
        cloudFormation.Batches.Enqueue([Event(Stack, "UPDATE_IN_PROGRESS", 1)]);
        cloudFormation.AfterCancel = new StackState(StackId, Stack, "UPDATE_ROLLBACK_COMPLETE");
        cloudFormation.OnEvents = call =>
        {
            if (call == 2)
            {
                cancel.Cancel();
            }
        };

        var result = await Engine().DeployAsync(Request(), progress, cancel.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(StackDeployOutcome.Cancelled));
            Assert.That(result.FinalStatus, Is.EqualTo("UPDATE_ROLLBACK_COMPLETE"));
            Assert.That(cloudFormation.Calls[^3..], Is.EqualTo(new[] { "DescribeStacks", "CancelUpdateStack", "DescribeStacks" }));
            Assert.That(reporter.Infos, Does.Contain($"Stack {Stack} was rolled back to its previous configuration."));
        }
    }

    [Test]
    public void Ctrl_C_before_execution_deletes_the_proposed_change_set_and_stops()
    {
        using var cancel = new CancellationTokenSource();
        cloudFormation.ChangeSetAnswers.Enqueue(new ChangeSetDescription("CREATE_IN_PROGRESS", "UNAVAILABLE", null, CreatedAt, []));
        var engine = new StackDeployEngine(new CancellingOnDescribeChangeSet(cloudFormation, cancel), reporter, clock, () => "copilot-test");

        Assert.CatchAsync<OperationCanceledException>(() => engine.DeployAsync(Request(), progress, cancel.Token));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cloudFormation.Calls, Does.Not.Contain("ExecuteChangeSet"));
            Assert.That(cloudFormation.Calls[^3..], Is.EqualTo(new[] { "DeleteChangeSet", "DescribeStacks", "DeleteStack" }));
        }
    }

    [Test]
    public async Task Detach_returns_once_the_change_set_is_executed()
    {
        cloudFormation.ChangeSetAnswers.Enqueue(Ready(LogGroup));

        var result = await Engine().DeployAsync(Request() with { Detach = true }, progress, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(StackDeployOutcome.Detached));
            Assert.That(cloudFormation.Calls[^1], Is.EqualTo("ExecuteChangeSet"));
            Assert.That(progress.Lines, Is.Empty);
        }
    }

    [Test]
    public async Task Events_are_polled_with_back_off_between_one_and_four_seconds_and_throttling_doubles_the_wait()
    {
        cloudFormation.ChangeSetAnswers.Enqueue(Ready(LogGroup));
        for (var i = 0; i < 6; i++)
        {
            cloudFormation.Batches.Enqueue([Event("LogGroup", "CREATE_IN_PROGRESS", i + 1)]);
        }

        cloudFormation.Batches.Enqueue([Event(Stack, "CREATE_COMPLETE", 20)]);
        cloudFormation.FinalState = new StackState(StackId, Stack, "CREATE_COMPLETE");
        var throttled = new StackOperationException("DescribeStackEvents", "Throttling", "Rate exceeded", StackFailureKind.Throttled);

        var result = await Engine().DeployAsync(Request(), progress, CancellationToken.None);
        var calm = clock.Delays.ToList();
        SetUp();
        cloudFormation.ChangeSetAnswers.Enqueue(Ready(LogGroup));
        cloudFormation.EventErrors.Enqueue(throttled);
        cloudFormation.EventErrors.Enqueue(throttled);
        cloudFormation.EventErrors.Enqueue(throttled);
        cloudFormation.Batches.Enqueue([Event(Stack, "CREATE_COMPLETE", 20)]);
        cloudFormation.FinalState = new StackState(StackId, Stack, "CREATE_COMPLETE");
        await Engine().DeployAsync(Request(), progress, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(StackDeployOutcome.Succeeded));
            Assert.That(calm.Select(d => d.TotalSeconds), Is.EqualTo(new double[] { 2, 3, 4, 4, 4, 4 }));
            Assert.That(clock.Delays.Select(d => d.TotalSeconds), Is.EqualTo(new double[] { 2, 4, 8 }));
        }
    }

    private StackDeployEngine Engine() => new(cloudFormation, reporter, clock, () => "copilot-test");

    private static StackDeployRequest Request() => new()
    {
        StackName = Stack,
        TemplateUrl = "https://bucket.s3.us-west-2.amazonaws.com/manual/templates/t.yml",
        Parameters = [new("AppName", "my-app"), new("EnvName", "test")],
        Tags = new Dictionary<string, string> { ["owner"] = "me", ["copilot-service"] = "job", ["copilot-application"] = "my-app", ["copilot-environment"] = "test" },
        RoleArn = Role,
        ResourceDescriptions = new Dictionary<string, string>
        {
            ["LogGroup"] = "A CloudWatch log group to hold your job logs",
            ["TaskDefinition"] = "An ECS task definition to run your container on ECS",
        },
    };

    // DeleteStack leaves the stack DELETE_IN_PROGRESS for one more DescribeStacks, then it is gone.
    private sealed class DeletingSlowly(FakeCloudFormation inner, Action onGone) : DelegatingDeployer(inner)
    {
        private int describesAfterDelete = -1;

        public override async Task<StackState?> DescribeStackAsync(string stackName, CancellationToken cancellationToken)
        {
            var state = await base.DescribeStackAsync(stackName, cancellationToken);
            if (describesAfterDelete >= 0 && ++describesAfterDelete == 2)
            {
                Inner.Stack = null;
                onGone();
                return null;
            }

            return state;
        }

        public override Task DeleteStackAsync(string stackName, CancellationToken cancellationToken)
        {
            describesAfterDelete = 0;
            return base.DeleteStackAsync(stackName, cancellationToken);
        }
    }

    private sealed class CancellingOnDescribeChangeSet(FakeCloudFormation inner, CancellationTokenSource cancel) : DelegatingDeployer(inner)
    {
        public override Task<ChangeSetDescription> DescribeChangeSetAsync(string changeSetId, string stackName, CancellationToken cancellationToken)
        {
            cancel.Cancel();
            return base.DescribeChangeSetAsync(changeSetId, stackName, cancellationToken);
        }
    }

    private abstract class DelegatingDeployer(FakeCloudFormation inner) : IStackDeployer
    {
        protected FakeCloudFormation Inner => inner;

        public virtual Task<StackState?> DescribeStackAsync(string stackName, CancellationToken cancellationToken) => inner.DescribeStackAsync(stackName, cancellationToken);

        public Task<ChangeSetCreated> CreateChangeSetAsync(ChangeSetRequest request, CancellationToken cancellationToken) => inner.CreateChangeSetAsync(request, cancellationToken);

        public virtual Task<ChangeSetDescription> DescribeChangeSetAsync(string changeSetId, string stackName, CancellationToken cancellationToken) => inner.DescribeChangeSetAsync(changeSetId, stackName, cancellationToken);

        public Task ExecuteChangeSetAsync(string changeSetId, string stackName, bool disableRollback, CancellationToken cancellationToken) => inner.ExecuteChangeSetAsync(changeSetId, stackName, disableRollback, cancellationToken);

        public Task DeleteChangeSetAsync(string changeSetId, string stackName, CancellationToken cancellationToken) => inner.DeleteChangeSetAsync(changeSetId, stackName, cancellationToken);

        public Task<StackEventPage> DescribeStackEventsAsync(string stackName, string? nextToken, CancellationToken cancellationToken) => inner.DescribeStackEventsAsync(stackName, nextToken, cancellationToken);

        public virtual Task DeleteStackAsync(string stackName, CancellationToken cancellationToken) => inner.DeleteStackAsync(stackName, cancellationToken);

        public Task CancelUpdateStackAsync(string stackName, CancellationToken cancellationToken) => inner.CancelUpdateStackAsync(stackName, cancellationToken);
    }
}
