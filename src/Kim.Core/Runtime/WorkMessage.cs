using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kim.Core.Runtime;

/// <summary>
/// A message on the work queue. Every message is sent BEFORE the commit that makes it valid and
/// names that commit by <see cref="Sequence"/>: the handler acts only once the instance (for
/// deliveries, the origin instance) has reached it, and re-arms the message a bounded number of
/// times while it has not (<see cref="OrphanChecks"/>), then drops it as orphaned.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TimerWork), "timer")]
[JsonDerivedType(typeof(ActionWork), "action")]
[JsonDerivedType(typeof(DeliveryWork), "delivery")]
public abstract record WorkMessage
{
    /// <summary>The instance the work is for.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The sequence the producing commit gives its instance (the origin's, for a delivery).</summary>
    public required long Sequence { get; init; }

    public int OrphanChecks { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, KimJson.Options);

    public static WorkMessage FromJson(string json) =>
        JsonSerializer.Deserialize<WorkMessage>(json, KimJson.Options) ?? throw new JsonException("empty work message");
}

/// <summary>A timer due at <see cref="DueAt"/>; its generation is <see cref="WorkMessage.Sequence"/>.</summary>
public sealed record TimerWork(string TimerId, DateTimeOffset DueAt) : WorkMessage;

/// <summary>Run a pending action (its input is read from the instance); <see cref="Attempt"/> starts at 1.</summary>
public sealed record ActionWork(string ActionId, int Attempt) : WorkMessage;

/// <summary>
/// Apply <see cref="Event"/> to <see cref="WorkMessage.InstanceId"/>. With an origin, valid only once the
/// origin instance's history row at <see cref="WorkMessage.Sequence"/> carries <see cref="OriginEventId"/>;
/// without one (events enqueued by <see cref="WorkflowClient.EnqueueEventAsync"/>) always valid.
/// </summary>
public sealed record DeliveryWork(WorkflowEvent Event, string? OriginInstanceId, string? OriginEventId) : WorkMessage;
