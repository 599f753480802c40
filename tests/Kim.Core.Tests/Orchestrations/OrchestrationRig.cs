using Kim.Core.Orchestrations;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Kim.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using InMemoryInstanceStore = Kim.Testing.Records.InMemoryInstanceStore;
using RecordingActionHandler = Kim.Testing.Records.RecordingActionHandler;

namespace Kim.Core.Tests.Orchestrations;

/// <summary>
/// Kim's real workflows and orchestrations on the in-memory Durable Task test host, with records
/// in memory and a fake app clock. Time passes without sleeping: <see cref="AdvanceToAsync"/> moves
/// the app's clock from due time to due time and wakes the orchestrations, which then fire what
/// the clock says is due. Durable's own timers never need to elapse.
/// </summary>
public sealed class OrchestrationRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(1));

    private readonly DurableTaskTestHost _host;
    private readonly InMemoryInstanceStore _store;
    private readonly HashSet<string> _cases = new(StringComparer.Ordinal);

    private OrchestrationRig(DurableTaskTestHost host, InMemoryInstanceStore store, FakeTimeProvider clock, Dictionary<string, RecordingActionHandler> actions)
    {
        _host = host;
        _store = store;
        Clock = clock;
        Actions = actions;
    }

    public FakeTimeProvider Clock { get; }

    public IReadOnlyDictionary<string, RecordingActionHandler> Actions { get; }

    public RecordKeeper Records => _host.Services.GetRequiredService<RecordKeeper>();

    public DurableTaskClient Durable => _host.Client;

    public ClockWaker Waker => _host.Services.GetRequiredService<ClockWaker>();

    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public static async Task<OrchestrationRig> StartAsync(Action<Dictionary<string, RecordingActionHandler>>? configure = null, Microsoft.Extensions.Logging.ILoggerFactory? logs = null)
    {
        var clock = new FakeTimeProvider(Start);
        var store = new InMemoryInstanceStore();
        var actions = new[] { ActionNames.NotifyCaseManager, ActionNames.NotifyPartnerReferral, ActionNames.RemindPartner, ActionNames.NotifyHardDeadlineMissed, ActionNames.PurgeCase }
            .ToDictionary(name => name, name => new RecordingActionHandler(name));
        configure?.Invoke(actions);
        // The test host's own choice of port is a random one of 30000-40000, which collides with
        // ephemeral ports of other tests now and then: take a free one, and another if it was taken meanwhile.
        DurableTaskTestHost? host = null;
        for (var attempt = 1; host is null; attempt++)
        {
            try
            {
                host = await StartHostAsync(FreePorts.Next(), clock, store, actions, logs);
            }
            catch (IOException) when (attempt < 3)
            {
            }
        }

        return new OrchestrationRig(host, store, clock, actions);
    }

    private static Task<DurableTaskTestHost> StartHostAsync(
        int port, FakeTimeProvider clock, InMemoryInstanceStore store, Dictionary<string, RecordingActionHandler> actions, Microsoft.Extensions.Logging.ILoggerFactory? logs) =>
        DurableTaskTestHost.StartAsync(
            KimOrchestrations.Register,
            new DurableTaskTestHostOptions
            {
                Port = port,
                LoggerFactory = logs,
                ConfigureServices = services =>
                {
                    services.AddSingleton(sp => new ClockWaker(sp.GetRequiredService<DurableTaskClient>(), null, clock, NullLogger<ClockWaker>.Instance));
                    services.AddSingleton(sp =>
                    {
                        var workflows = WorkflowRegistry.Of(KimWorkflows.Create());

                        var registry = new ActionRegistry();
                        foreach (var handler in actions.Values)
                        {
                            registry.Add(handler);
                        }

                        return new RecordKeeper(store, workflows, registry, sp.GetRequiredService<ClockWaker>(), clock);
                    });
                },
            });

    /// <summary>Starts a case record (the waker starts its orchestrations).</summary>
    public async Task StartCaseAsync(string caseId, object input)
    {
        _cases.Add(caseId);
        var result = await Records.Client.StartAsync(caseId, CaseWorkflow.WorkflowName, KimJson.ToElement(input), "cm-luedenscheid", Timeout);
        Assert.Equal(WorkflowOutcome.Applied, result.Outcome);
        await SettleAsync();
    }

    /// <summary>An HTTP command on a record, as a case manager or partner would send it.</summary>
    public async Task<WorkflowResult> RaiseAsync(string instanceId, string name, object? payload, string actor = "cm-luedenscheid")
    {
        var result = await Records.Client.RaiseEventAsync(instanceId, name, payload is null ? null : KimJson.ToElement(payload), actor, cancellationToken: Timeout);
        Assert.True(result.Outcome == WorkflowOutcome.Applied, $"{name}: {result.Outcome} {result.Rejection}");
        await SettleAsync();
        return result;
    }

    /// <summary>
    /// Moves the app's clock to <paramref name="until"/>, stopping at every due time on the way,
    /// and after each step wakes the owners of what is due and waits until they have acted.
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset until)
    {
        await SettleAsync();
        while (await NextDueAsync() is { } next && next <= until)
        {
            if (next > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(next);
            }

            await WakeDueAsync();
            await SettleAsync();
        }

        if (until > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(until);
        }

        await SettleAsync();
    }

    /// <summary>Waits (polling the records, never a fixed sleep) until no record holds a pending action or a due timer.</summary>
    public async Task SettleAsync()
    {
        var timeout = Timeout;
        while (!await QuietAsync())
        {
            await Task.Delay(20, timeout);
        }
    }

    public async Task<List<string>> TimersFiredAsync(string instanceId) =>
        [.. (await Records.Client.GetHistoryAsync(instanceId, 0, 1000, Timeout)).Entries
            .Where(h => h.Kind == "timer-fired")
            .Select(h => h.Data.GetProperty("timerId").GetString()!)];

    public async Task<List<string>> AlertKindsAsync(string instanceId)
    {
        var snapshot = await Records.Client.GetAsync(instanceId, Timeout);
        return [.. snapshot!.State!.Value.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("kind").GetString()!)];
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<IReadOnlyList<InstanceRecord>> RecordsAsync()
    {
        var all = new List<InstanceRecord>();
        foreach (var caseId in _cases)
        {
            all.AddRange(await _store.ListPartitionAsync(caseId, Timeout));
        }

        return all;
    }

    private async Task<DateTimeOffset?> NextDueAsync() =>
        (await RecordsAsync()).SelectMany(r => r.Timers).Select(t => (DateTimeOffset?)t.DueAt).Min();

    private async Task<bool> QuietAsync()
    {
        var now = Clock.GetUtcNow();
        return (await RecordsAsync()).All(r => r.Actions.Count == 0 && r.Timers.All(t => t.DueAt > now));
    }

    private async Task WakeDueAsync()
    {
        var now = Clock.GetUtcNow();
        foreach (var record in await RecordsAsync())
        {
            foreach (var timer in record.Timers.Where(t => t.DueAt <= now))
            {
                await Waker.WakeAsync(ClockOwnership.For(record.InstanceId, record.Workflow, timer.TimerId), record.InstanceId, Timeout);
            }
        }
    }
}
