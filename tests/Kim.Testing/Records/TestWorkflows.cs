using System.Text.Json;
using Kim.Core;
using Kim.Core.Records;

namespace Kim.Testing.Records;

/// <summary>A referral, much simplified: sent (partner notified, answer due in 14 days) → accepted or rejected.</summary>
public sealed class ReferralWorkflow(int version = 1) : WorkflowDefinition<ReferralWorkflow.State>
{
    public const string WorkflowName = "test-referral";

    public sealed record State(string Status, int Reminders, string? Partner, int Version, List<string> Withdrawals);

    public override string Name => WorkflowName;

    public override int Version => version;

    public override Decision<State> Decide(State? state, WorkflowEvent workflowEvent, WorkflowContext context) =>
        (state, workflowEvent) switch
        {
            (null, WorkflowStarted started) => Decision<State>.To(
                new State("sent", 0, started.Input?.GetProperty("partner").GetString(), version, []),
                "sent",
                new StartTimer("answer-due", context.Now.AddDays(14)),
                new RunAction("notify", "notify-partner", started.Input)),
            ({ Status: "sent" }, TimerFired { TimerId: "answer-due" }) => Decision<State>.To(
                state with { Reminders = state.Reminders + 1 },
                new StartTimer("answer-due", context.Now.AddDays(7))),
            ({ Status: "sent" }, EventRaised { Name: "accept" }) => Decision<State>.To(
                state with { Status = "accepted" }, "accepted", new CancelTimer("answer-due")),
            ({ Status: "sent" or "accepted" }, EventRaised { Name: "withdraw" } raised) => Decision<State>.To(
                state with { Status = "withdrawn", Withdrawals = [.. state.Withdrawals, raised.EventId] },
                "withdrawn",
                new CompleteWorkflow(KimJson.ToElement(new { outcome = "withdrawn" }))),
            ({ Status: "accepted" }, EventRaised { Name: "done" }) => Decision<State>.To(
                state with { Status = "done" }, "done", new CompleteWorkflow(KimJson.ToElement(new { outcome = "done" }))),
            (_, ActionCompleted or ActionFailed) => Decision<State>.To(state!),
            (_, EventRaised { Name: "explode" }) => throw new InvalidOperationException("this event always fails"),
            _ => Decision<State>.Reject("illegal-transition", $"{Describe(workflowEvent)} is not allowed in {state?.Status}", state?.Status),
        };

    private static string Describe(WorkflowEvent e) => e is EventRaised r ? r.Name : e.GetType().Name;
}

/// <summary>A case, much simplified: refers (starts referral children), collects their ends, closes (withdrawing open referrals).</summary>
public sealed class CaseWorkflow : WorkflowDefinition<CaseWorkflow.State>
{
    public const string WorkflowName = "test-case";

    public sealed record State(string Status, List<string> Open, List<string> Ended, string? Blob);

    public override string Name => WorkflowName;

    public override int Version => 1;

    public override Decision<State> Decide(State? state, WorkflowEvent workflowEvent, WorkflowContext context)
    {
        switch (state, workflowEvent)
        {
            case (null, WorkflowStarted):
                return Decision<State>.To(new State("open", [], [], null), "open", new StartTimer("review", context.Now.AddDays(90)));
            case ({ Status: "open" }, EventRaised { Name: "refer" } refer):
                var suffix = refer.Payload!.Value.GetProperty("suffix").GetString()!;
                var child = context.InstanceId + ":" + suffix;
                return Decision<State>.To(
                    state with { Open = [.. state.Open, child] },
                    new StartChild(child, ReferralWorkflow.WorkflowName, KimJson.ToElement(new { partner = "p-" + suffix })));
            case ({ Status: "open" }, EventRaised { Name: "note" } note):
                return Decision<State>.To(state with { Blob = note.Payload?.GetProperty("text").GetString() });
            case (not null, ChildCompleted ended):
                return Decision<State>.To(state with { Open = [.. state.Open.Where(c => c != ended.ChildInstanceId)], Ended = [.. state.Ended, ended.ChildInstanceId] });
            case ({ Status: "open" }, TimerFired { TimerId: "review" }):
                return Decision<State>.To(state, new StartTimer("review", context.Now.AddDays(90)));
            case ({ Status: "open" }, EventRaised { Name: "close" }):
                return Decision<State>.To(
                    state with { Status = "closed" },
                    "closed",
                    [new CancelTimer("review"), .. state.Open.Select(c => (WorkflowCommand)new RaiseEventOn(c, "withdraw", null))]);
            default:
                return Decision<State>.Reject("illegal-transition", "not allowed", state?.Status);
        }
    }
}

/// <summary>Counts "inc" events and remembers their ids: a double application shows.</summary>
public sealed class CounterWorkflow : WorkflowDefinition<CounterWorkflow.State>
{
    public const string WorkflowName = "test-counter";

    public sealed record State(int Count, List<string> Seen);

    public override string Name => WorkflowName;

    public override int Version => 1;

    public override Decision<State> Decide(State? state, WorkflowEvent workflowEvent, WorkflowContext context) =>
        (state, workflowEvent) switch
        {
            (null, WorkflowStarted) => Decision<State>.To(new State(0, [])),
            (not null, EventRaised { Name: "inc" } e) => Decision<State>.To(state with { Count = state.Count + 1, Seen = [.. state.Seen, e.EventId] }),
            _ => Decision<State>.Reject("illegal-transition", "not allowed"),
        };
}

/// <summary>One timer of a given number of days; records when it fired.</summary>
public sealed class TimerWorkflow : WorkflowDefinition<TimerWorkflow.State>
{
    public const string WorkflowName = "test-timer";

    public sealed record State(DateTimeOffset DueAt, List<DateTimeOffset> FiredAt);

    public override string Name => WorkflowName;

    public override int Version => 1;

    public override Decision<State> Decide(State? state, WorkflowEvent workflowEvent, WorkflowContext context)
    {
        switch (state, workflowEvent)
        {
            case (null, WorkflowStarted started):
                var due = context.Now.AddDays(started.Input!.Value.GetProperty("days").GetDouble());
                return Decision<State>.To(new State(due, []), new StartTimer("t", due));
            case (not null, EventRaised { Name: "move" } move):
                var moved = context.Now.AddDays(move.Payload!.Value.GetProperty("days").GetDouble());
                return Decision<State>.To(state with { DueAt = moved }, new StartTimer("t", moved));
            case (not null, EventRaised { Name: "cancel" }):
                return Decision<State>.To(state, new CancelTimer("t"));
            case (not null, TimerFired):
                return Decision<State>.To(state with { FiredAt = [.. state.FiredAt, context.Now] }, new CompleteWorkflow(null));
            default:
                return Decision<State>.Reject("illegal-transition", "not allowed");
        }
    }
}

/// <summary>Records every execution; fails the first <see cref="FailuresBeforeSuccess"/> attempts of each key.</summary>
public sealed class RecordingActionHandler(string name = "notify-partner") : IActionHandler
{
    private readonly Lock _gate = new();
    private readonly List<ActionRequest> _calls = [];

    public string Name => name;

    public int FailuresBeforeSuccess { get; set; }

    public IReadOnlyList<ActionRequest> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public Task<JsonElement?> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add(request);
        }

        if (request.Attempt <= FailuresBeforeSuccess)
        {
            throw new InvalidOperationException($"partner unreachable (attempt {request.Attempt})");
        }

        return Task.FromResult<JsonElement?>(KimJson.ToElement(new { sent = request.IdempotencyKey }));
    }
}
