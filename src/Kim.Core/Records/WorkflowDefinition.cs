using System.Text.Json;

namespace Kim.Core.Records;

/// <summary>
/// A workflow as a pure decision <c>(state, event, context) → (new state, commands)</c>.
/// The state is a record serialised with <see cref="KimJson.Options"/>; it is null until the
/// <see cref="WorkflowStarted"/> event has been applied.
/// </summary>
public abstract class WorkflowDefinition<TState> : IWorkflowDefinition
    where TState : class
{
    public abstract string Name { get; }

    public abstract int Version { get; }

    public abstract Decision<TState> Decide(TState? state, WorkflowEvent workflowEvent, WorkflowContext context);

    public WorkflowStep Apply(JsonElement? state, WorkflowEvent workflowEvent, WorkflowContext context)
    {
        var typed = state is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } json
            ? KimJson.FromElement<TState>(json)
            : null;
        var decision = Decide(typed, workflowEvent, context);
        return new WorkflowStep(
            decision.State is null ? null : KimJson.ToElement(decision.State),
            decision.Commands,
            decision.CustomStatus,
            decision.Rejection);
    }
}
