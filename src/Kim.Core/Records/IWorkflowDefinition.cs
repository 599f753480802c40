using System.Text.Json;

namespace Kim.Core.Records;

/// <summary>
/// What the runtime knows of a workflow: a name, a version and a pure step over JSON state.
/// Definitions derive from <see cref="WorkflowDefinition{TState}"/>, which types the state.
/// </summary>
public interface IWorkflowDefinition
{
    string Name { get; }

    /// <summary>An instance keeps the version it started with; a new version applies to new instances.</summary>
    int Version { get; }

    /// <summary>Applies one event. Pure: the same inputs give the same step.</summary>
    WorkflowStep Apply(JsonElement? state, WorkflowEvent workflowEvent, WorkflowContext context);
}

/// <summary>One applied event, as the runtime stores it.</summary>
public sealed record WorkflowStep(
    JsonElement? State,
    IReadOnlyList<WorkflowCommand> Commands,
    string? CustomStatus,
    WorkflowRejection? Rejection);
