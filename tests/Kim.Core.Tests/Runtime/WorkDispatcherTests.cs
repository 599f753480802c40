using System.Diagnostics;
using System.Text.Json;
using Kim.Core.Runtime;
using Kim.Testing;
using Kim.Testing.Runtime;

namespace Kim.Core.Tests.Runtime;

public sealed class WorkDispatcherTests
{
    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("waited in vain for " + what);
            }

            await Task.Delay(5);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task An_idle_dispatcher_backs_off_exponentially_up_to_the_cap()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var queue = new CountingWorkQueue(new InMemoryWorkQueue(clock));
        var options = new WorkflowRuntimeOptions { MinIdleDelay = TimeSpan.FromMilliseconds(100), MaxIdleDelay = TimeSpan.FromMilliseconds(400) };
        var runtime = new WorkflowRuntime(new InMemoryInstanceStore(), queue, new InMemoryWorkQueue(clock), new WorkflowRegistry(), new ActionRegistry(), options, clock);
        using var stop = new CancellationTokenSource();

        var run = runtime.CreateDispatcher().RunAsync(stop.Token);
        await WaitForAsync(() => queue.Receives == 1, "the first receive");
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await WaitForAsync(() => queue.Receives == 2, "the second receive");
        clock.Advance(TimeSpan.FromMilliseconds(199));
        await Task.Delay(50);
        Assert.Equal(2, queue.Receives);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForAsync(() => queue.Receives == 3, "the receive after 200 ms");
        clock.Advance(TimeSpan.FromMilliseconds(400));
        await WaitForAsync(() => queue.Receives == 4, "the receive after 400 ms");
        clock.Advance(TimeSpan.FromMilliseconds(400));
        await WaitForAsync(() => queue.Receives == 5, "the receive after the capped 400 ms");

        await stop.CancelAsync();
        await run;
    }

    [Fact(Timeout = 30_000)]
    public async Task Shutdown_waits_for_the_work_in_flight_to_finish()
    {
        var time = TimeProvider.System;
        var gate = new BlockingAction();
        var options = new WorkflowRuntimeOptions { MinIdleDelay = TimeSpan.FromMilliseconds(5), MaxIdleDelay = TimeSpan.FromMilliseconds(20) };
        var runtime = new WorkflowRuntime(
            new InMemoryInstanceStore(),
            new InMemoryWorkQueue(time),
            new InMemoryWorkQueue(time),
            new WorkflowRegistry().Add(new ReferralWorkflow()),
            new ActionRegistry().Add(gate),
            options,
            time);
        await runtime.Client.StartAsync("r1", ReferralWorkflow.WorkflowName, KimJson.ToElement(new { partner = "p" }), "cm-1");
        using var stop = new CancellationTokenSource();

        var run = runtime.CreateDispatcher().RunAsync(stop.Token);
        await gate.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await Task.Delay(50);
        Assert.False(run.IsCompleted);

        gate.Release.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty((await runtime.Client.GetAsync("r1"))!.PendingActions);
    }

    private sealed class BlockingAction : IActionHandler
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "notify-partner";

        public async Task<JsonElement?> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Release.Task;
            return null;
        }
    }
}
