namespace Kim.Core.Records;

public enum WorkflowOutcome
{
    /// <summary>The event was applied (or the instance started) and committed.</summary>
    Applied,

    /// <summary>Nothing changed: the event id was applied before, or the instance already existed.</summary>
    Duplicate,

    /// <summary>Nothing changed: the decision (or the instance's status) refused the event; see <see cref="WorkflowResult.Rejection"/>.</summary>
    Rejected,

    NotFound,
}

/// <summary>The answer to start, raise and the other operations, with the instance as it is now.</summary>
public sealed record WorkflowResult(WorkflowOutcome Outcome, InstanceSnapshot? Instance, WorkflowRejection? Rejection = null)
{
    public static WorkflowResult NotFound { get; } = new(WorkflowOutcome.NotFound, null);
}

/// <summary>Rejection codes the runtime itself gives (decisions give their own).</summary>
public static class RuntimeRejections
{
    public const string NotRunning = "instance-not-running";
    public const string Suspended = "instance-suspended";
    public const string VersionMissing = "workflow-version-missing";
    public const string UnknownWorkflow = "unknown-workflow";
}

/// <summary>A page of instances; <see cref="ContinueAfter"/> is null on the last page.</summary>
public sealed record InstancePage(IReadOnlyList<InstanceSnapshot> Instances, string? ContinueAfter);
