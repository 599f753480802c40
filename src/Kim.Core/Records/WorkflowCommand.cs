using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kim.Core.Records;

/// <summary>The only output of a workflow decision; the runtime carries each one out.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StartTimer), "start-timer")]
[JsonDerivedType(typeof(CancelTimer), "cancel-timer")]
[JsonDerivedType(typeof(RunAction), "run-action")]
[JsonDerivedType(typeof(StartChild), "start-child")]
[JsonDerivedType(typeof(RaiseEventOn), "raise-event-on")]
[JsonDerivedType(typeof(CompleteWorkflow), "complete")]
[JsonDerivedType(typeof(FailWorkflow), "fail")]
[JsonDerivedType(typeof(KeepText), "keep-text")]
public abstract record WorkflowCommand;

/// <summary>Start a timer; starting one with an id the instance already holds moves it.</summary>
public sealed record StartTimer(string TimerId, DateTimeOffset DueAt) : WorkflowCommand;

/// <summary>Cancel a timer; cancelling one the instance does not hold is no error.</summary>
public sealed record CancelTimer(string TimerId) : WorkflowCommand;

/// <summary>
/// Run a side effect (send a mail, notify a partner) at least once, outside the decision.
/// Its idempotency key is the instance id with <paramref name="ActionId"/>, stable across retries.
/// </summary>
public sealed record RunAction(string ActionId, string ActionName, JsonElement? Input) : WorkflowCommand;

/// <summary>Start a child instance in the parent's partition (a referral or handover of a case).</summary>
public sealed record StartChild(string ChildInstanceId, string Workflow, JsonElement? Input) : WorkflowCommand;

/// <summary>Raise an event on another instance of the same partition (a case withdrawing its referrals).</summary>
public sealed record RaiseEventOn(string InstanceId, string Name, JsonElement? Payload) : WorkflowCommand;

/// <summary>The instance has ended well; the parent, if any, receives <see cref="ChildCompleted"/>.</summary>
public sealed record CompleteWorkflow(JsonElement? Output) : WorkflowCommand;

/// <summary>The instance has ended badly; the parent, if any, receives <see cref="ChildCompleted"/>.</summary>
public sealed record FailWorkflow(string Reason) : WorkflowCommand;

/// <summary>
/// Keeps a free text (a contact's note) in a row of its own beside the record, written in the same
/// transaction, so a record whose texts grow never outgrows its row (one record row holds at most
/// <see cref="InstanceBody.MaxBytes"/>); the decision's state keeps only the text's id. A text of an
/// id that exists is replaced. Read with <see cref="WorkflowClient.GetTextsAsync"/>.
/// </summary>
/// <param name="TextId">Unique within the record (e.g. the contact's id); letters, digits, '-', '_', '.'.</param>
/// <param name="Text">At most <see cref="KeptText.MaxLength"/> characters.</param>
public sealed record KeepText(string TextId, string Text) : WorkflowCommand;
