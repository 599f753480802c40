using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kim.Core.Records;

/// <summary>
/// The only input of a workflow. Every applied event becomes a history row, and the case
/// timeline is read from those rows, so each carries who caused it and when.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(WorkflowStarted), "started")]
[JsonDerivedType(typeof(EventRaised), "raised")]
[JsonDerivedType(typeof(TimerFired), "timer-fired")]
[JsonDerivedType(typeof(ActionCompleted), "action-completed")]
[JsonDerivedType(typeof(ActionFailed), "action-failed")]
[JsonDerivedType(typeof(ChildCompleted), "child-completed")]
public abstract record WorkflowEvent
{
    /// <summary>Unique per event: delivering the same id a second time changes nothing.</summary>
    public required string EventId { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>A staff id, <c>partner:{partnerId}</c>, or <see cref="Actors.System"/>.</summary>
    public required string Actor { get; init; }
}

/// <summary>The instance was started with this input.</summary>
public sealed record WorkflowStarted(JsonElement? Input) : WorkflowEvent;

/// <summary>A person or a partner (or another instance) raised a named event with a payload.</summary>
public sealed record EventRaised(string Name, JsonElement? Payload) : WorkflowEvent;

/// <summary>A timer the instance holds reached its due time.</summary>
public sealed record TimerFired(string TimerId, DateTimeOffset DueAt) : WorkflowEvent;

/// <summary>An action ran; its result, if any.</summary>
public sealed record ActionCompleted(string ActionId, JsonElement? Result) : WorkflowEvent;

/// <summary>An action failed for good after its last attempt.</summary>
public sealed record ActionFailed(string ActionId, string Error, int Attempts) : WorkflowEvent;

/// <summary>A child instance this one started has ended.</summary>
public sealed record ChildCompleted(string ChildInstanceId, string ChildWorkflow, WorkflowStatus Status, JsonElement? Output)
    : WorkflowEvent;
