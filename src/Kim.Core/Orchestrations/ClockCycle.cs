using Kim.Core.Records;
using Microsoft.DurableTask;

namespace Kim.Core.Orchestrations;

/// <summary>
/// One cycle of every orchestration of Kim, which each keeps one record's time
/// (docs/orchestrations.md). Each run: read what this orchestration owns
/// of the record; run its pending actions; fire the soonest timer if it is due by the app's clock,
/// or wait for it or for a wake-up event, whichever comes first; then <c>ContinueAsNew</c>, so the
/// history stays short and a new code version takes over at the next cycle. What the process does
/// next (a reminder, an escalation, the next review) is the record's pure decision, not this
/// class's: the orchestration holds no client data and acts only on what it has just read.
/// It ends when the record is gone, or has ended with nothing left to run.
/// </summary>
public static class ClockCycle
{
    /// <summary>The event a commit raises after it gave the record new timers or actions.</summary>
    public const string WakeEvent = "wake";

    /// <summary>Runs one cycle for the orchestration of <paramref name="context"/> over the record of <paramref name="input"/>.</summary>
    /// <returns>How the cycle ended: <c>gone</c>, <c>ended</c> (the orchestration completes) or what it did before continuing as new.</returns>
    /// <exception cref="TaskFailedException">An activity failed on every attempt; the record was flagged as needing attention first.</exception>
    public static async Task<string> RunAsync(TaskOrchestrationContext context, ClockInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return await CycleAsync(context, input);
        }
        catch (TaskFailedException failure)
        {
            // An activity failed on every attempt (storage down for minutes): the orchestration
            // fails, and its case says so until an administrator restarts it.
            var reason = $"orchestration {context.Name} ({context.InstanceId}) failed: {failure.FailureDetails.ErrorMessage}";
            await context.CallActivityAsync<bool>(nameof(MarkAttentionActivity), new AttentionNote(input.RecordId, reason), ClockRetry.Records);
            throw;
        }
    }

    private static async Task<string> CycleAsync(TaskOrchestrationContext context, ClockInput input)
    {
        var view = await context.CallActivityAsync<ClockView>(nameof(ReadClockActivity), new ClockRead(input.RecordId, context.InstanceId), ClockRetry.Records);
        if (!view.Exists || (view.Ended && view.Actions.Count == 0))
        {
            return view.Exists ? "ended" : "gone";
        }

        if (view.Actions.Count > 0)
        {
            foreach (var action in view.Actions)
            {
                await RunActionAsync(context, input.RecordId, action);
            }

            context.ContinueAsNew(input);
            return "actions run";
        }

        var next = view.Timers.Count > 0 ? view.Timers[0] : null;
        if (next is { Wait.Ticks: <= 0 })
        {
            await context.CallActivityAsync<ClockOutcome>(nameof(FireTimerActivity), new TimerDue(input.RecordId, next.TimerId, next.Generation, next.DueAt), ClockRetry.Records);
            context.ContinueAsNew(input);
            return "timer fired";
        }

        context.SetCustomStatus(next is null ? null : new { timer = next.TimerId, dueAt = next.DueAt });
        using var stop = new CancellationTokenSource();
        var wake = context.WaitForExternalEvent<string?>(WakeEvent, stop.Token);

        // A record with no timer of ours waits for a wake-up alone; it never ends while the record
        // lives, so a wake-up can never reach an orchestration that is just ending.
        var waits = next is null ? [wake] : new[] { wake, context.CreateTimer(context.CurrentUtcDateTime + next.Wait, stop.Token) };
        await Task.WhenAny(waits);

        // Synchronous on purpose: CancelAsync would resume this orchestrator on the thread pool,
        // outside the Durable Task dispatcher, and the episode would stall.
#pragma warning disable CA1849
        stop.Cancel();
#pragma warning restore CA1849
        context.ContinueAsNew(input);
        return "woken";
    }

    private static async Task RunActionAsync(TaskOrchestrationContext context, string recordId, ClockAction action)
    {
        try
        {
            await context.CallActivityAsync<ClockOutcome>(nameof(RunActionActivity), new ActionDue(recordId, action.ActionId, action.Generation), ClockRetry.Actions);
        }
        catch (TaskFailedException failure)
        {
            var failed = new ActionFailure(recordId, action.ActionId, action.Generation, failure.FailureDetails.ErrorMessage, ClockRetry.MaxActionAttempts);
            await context.CallActivityAsync<ClockOutcome>(nameof(FailActionActivity), failed, ClockRetry.Records);
        }
    }
}
