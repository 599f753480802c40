using System.Diagnostics;
using Azure.Data.Tables;
using Kim.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kim.Api.Tests.Durable;

/// <summary>
/// Standalone's Durable backend in the real app on Azurite: the worker, the client from DI, the
/// sidecar and the Azure Storage task hub together.
/// </summary>
public sealed class DurableBackendTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact(Timeout = 180_000)]
    public async Task An_orchestration_with_an_activity_a_durable_timer_and_an_external_event_completes_and_is_kept_in_the_task_hub_tables()
    {
        var hub = KimApp.NewTaskHubName();
        await using var app = new KimApp(azurite, settings: TaskHub(hub), services: GreetingOrchestrator.AddTo);
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        using var timeout = new CancellationTokenSource(Patience);

        var id = await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GreetingOrchestrator), new GreetingRequest("Amira", TimerSeconds: 2), timeout.Token);
        await client.RaiseEventAsync(id, GreetingOrchestrator.ApprovalEvent, "genehmigt", timeout.Token);
        var state = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        var result = state.ReadOutputAs<GreetingResult>()!;
        Assert.Equal("Hallo Amira", result.Greeting);
        Assert.Equal("genehmigt", result.Approval);
        // Queue visibility is whole seconds: a durable timer may fire up to 1 s early (PLATFORM.md).
        Assert.InRange(result.TimerSeconds, 1, 30);

        var tables = new TableServiceClient(azurite.ConnectionString);
        var instance = await tables.GetTableClient(hub + "Instances").GetEntityAsync<TableEntity>(id, string.Empty, cancellationToken: timeout.Token);
        Assert.Equal("Completed", instance.Value.GetString("RuntimeStatus"));
        var history = tables.GetTableClient(hub + "History").QueryAsync<TableEntity>(e => e.PartitionKey == id, cancellationToken: timeout.Token);
        var eventTypes = new List<string>();
        await foreach (var row in history)
        {
            eventTypes.Add(row.GetString("EventType"));
        }

        Assert.Contains("TaskCompleted", eventTypes);
        Assert.Contains("TimerFired", eventTypes);
        Assert.Contains("EventRaised", eventTypes);
        Assert.Contains("ExecutionCompleted", eventTypes);
    }

    [Fact(Timeout = 300_000)]
    public async Task A_second_app_on_the_same_task_hub_takes_over_the_partitions_and_finishes_what_the_first_left_pending()
    {
        var hub = KimApp.NewTaskHubName();
        using var timeout = new CancellationTokenSource(Patience * 2);
        string pending;
        var first = Stopwatch.StartNew();
        await using (var app = new KimApp(azurite, settings: TaskHub(hub), services: GreetingOrchestrator.AddTo))
        {
            var client = app.Services.GetRequiredService<DurableTaskClient>();
            var done = await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(GreetingOrchestrator), new GreetingRequest("Jonas", TimerSeconds: 0), timeout.Token);
            await client.RaiseEventAsync(done, GreetingOrchestrator.ApprovalEvent, "ja", timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await client.WaitForInstanceCompletionAsync(done, timeout.Token)).RuntimeStatus);
            output.WriteLine($"First app: start and one orchestration in {first.Elapsed.TotalSeconds:0.0} s");

            // Left waiting for its event when the first app stops.
            pending = await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(GreetingOrchestrator), new GreetingRequest("Lea", TimerSeconds: 0), timeout.Token);
            await client.WaitForInstanceStartAsync(pending, timeout.Token);
        }

        var second = Stopwatch.StartNew();
        await using (var app = new KimApp(azurite, settings: TaskHub(hub), services: GreetingOrchestrator.AddTo))
        {
            output.WriteLine($"Second app: started in {second.Elapsed.TotalSeconds:0.0} s");
            var client = app.Services.GetRequiredService<DurableTaskClient>();
            await client.RaiseEventAsync(pending, GreetingOrchestrator.ApprovalEvent, "später", timeout.Token);
            var state = await client.WaitForInstanceCompletionAsync(pending, getInputsAndOutputs: true, timeout.Token);
            output.WriteLine($"Second app: the pending orchestration completed {second.Elapsed.TotalSeconds:0.0} s after its start began");

            Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
            Assert.Equal(new GreetingResult("Hallo Lea", "später", 0), state.ReadOutputAs<GreetingResult>());
        }
    }

    private static Dictionary<string, string?> TaskHub(string hub) => new() { ["Kim:Durable:TaskHub"] = hub };
}
