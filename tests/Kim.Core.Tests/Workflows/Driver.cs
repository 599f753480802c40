using System.Text.Json;
using Kim.Core;
using Kim.Core.Records;

namespace Kim.Core.Tests.Workflows;

/// <summary>
/// Applies events to a definition the way the runtime does, through JSON state, so every step also
/// proves that the state round-trips through <see cref="KimJson"/>.
/// </summary>
internal sealed class Driver<TState>(WorkflowDefinition<TState> definition, string instanceId, string? parentId = null)
    where TState : class
{
    private int _events;

    public JsonElement? Json { get; private set; }

    public TState State => KimJson.FromElement<TState>(Json ?? throw new InvalidOperationException("not started"));

    public DateTimeOffset Now { get; set; } = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(1));

    public string Actor { get; set; } = "cm-luedenscheid";

    public WorkflowStep Start(object input) =>
        Apply(new WorkflowStarted(KimJson.ToElement(input)) { EventId = NextId(), At = Now, Actor = Actor });

    public WorkflowStep Raise(string name, object? payload = null, string? actor = null) =>
        Apply(new EventRaised(name, payload is null ? null : KimJson.ToElement(payload)) { EventId = NextId(), At = Now, Actor = actor ?? Actor });

    /// <summary>Moves the clock to the due time and delivers the timer.</summary>
    public WorkflowStep Fire(string timerId, DateTimeOffset dueAt)
    {
        if (dueAt > Now)
        {
            Now = dueAt;
        }

        return Apply(new TimerFired(timerId, dueAt) { EventId = NextId(), At = Now, Actor = Actors.System });
    }

    public WorkflowStep ChildCompleted(string childId, string workflow, object? output, WorkflowStatus status = WorkflowStatus.Completed) =>
        Apply(new ChildCompleted(childId, workflow, status, output is null ? null : KimJson.ToElement(output))
        {
            EventId = NextId(),
            At = Now,
            Actor = Actors.System,
        });

    public WorkflowStep Apply(WorkflowEvent e)
    {
        var step = definition.Apply(Json, e, new WorkflowContext(instanceId, parentId, Now));
        if (step.Rejection is null)
        {
            Json = step.State;
        }

        return step;
    }

    private string NextId() => $"e-{++_events}";
}
