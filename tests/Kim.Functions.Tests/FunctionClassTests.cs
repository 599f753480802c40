using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Kim.Api.Http;
using Kim.Core.Mail;
using Kim.Core.Orchestrations;
using Kim.Core.Reminders;
using Kim.Core.Storage;
using Kim.Functions.Durable;
using Kim.Functions.Http;
using Kim.Functions.Schedules;
using Kim.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Kim.Functions.Tests;

/// <summary>
/// The function classes called directly, as the host would, without the host: each hands its work
/// to the code Kim.Standalone runs (the route table, the reminder ticker, the orchestrators, the
/// waker) with the invocation's Durable client.
/// </summary>
public sealed class FunctionClassTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task An_http_function_answers_through_the_route_table_with_kims_authorization_and_problem_details()
    {
        using var host = WorkerServices.Build(azurite.ConnectionString);
        var services = host.Services;
        var function = ActivatorUtilities.CreateInstance<CaseFunctions>(services);
        await using var scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/api/cases";
        context.Response.Body = new MemoryStream();

        var result = await function.ListCases(context.Request, new Mock<DurableTaskClient>("test").Object);

        Assert.IsType<EmptyResult>(result);
        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(ProblemTypes.Unauthorized, problem.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_digest_timer_runs_the_berlin_time_occurrence_through_the_reminder_ticker_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 5, 0, 0, TimeSpan.Zero)); // Monday 06:00 in Berlin
        var job = new Mock<IReminderJob>();
        var ran = new List<string>();
        job.Setup(j => j.RunAsync(It.IsAny<ReminderOccurrence>(), It.IsAny<CancellationToken>()))
            .Callback<ReminderOccurrence, CancellationToken>((occurrence, _) => ran.Add(occurrence.Id))
            .Returns(Task.CompletedTask);
        using var host = WorkerServices.Build(azurite.ConnectionString, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton(job.Object);
        });
        var services = host.Services;
        await services.GetRequiredService<TableServiceClient>().CreateTableIfNotExistsAsync(StorageNames.SchedulesTable);
        var function = ActivatorUtilities.CreateInstance<ScheduleFunctions>(services);

        await function.ReminderDigest(new TimerInfo(), CancellationToken.None); // the first tick starts the schedule
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 6, 0, 30, TimeSpan.Zero)); // 07:00:30 in Berlin (CET)
        await function.ReminderDigest(new TimerInfo(), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        await function.ReminderDigest(new TimerInfo(), CancellationToken.None);

        Assert.Equal(["2026-11-02T06:00:00Z"], ran);
    }

    [Fact]
    public async Task The_sweep_timer_wakes_what_the_outbox_holds_through_the_invocations_durable_client()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(5));
        using var host = WorkerServices.Build(azurite.ConnectionString, s => s.AddSingleton<TimeProvider>(clock));
        var services = host.Services;
        var outbox = services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.ClockWakesTable);
        await outbox.CreateIfNotExistsAsync();
        await services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.InstancePurgesTable).CreateIfNotExistsAsync();
        var instanceId = $"c-{Guid.NewGuid():N}";
        await outbox.AddEntityAsync(new TableEntity(ClockWaker.Partition, $"{instanceId}|{Guid.NewGuid():N}")
        {
            ["Orchestrator"] = nameof(CaseClockOrchestrator),
            ["RecordId"] = instanceId,
        });
        var durable = new Mock<DurableTaskClient>("test");
        durable.Setup(d => d.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(instanceId);
        var function = ActivatorUtilities.CreateInstance<ScheduleFunctions>(services);

        await function.ClockMaintenance(new TimerInfo(), durable.Object, CancellationToken.None);

        durable.Verify(d => d.ScheduleNewOrchestrationInstanceAsync(
            nameof(CaseClockOrchestrator), It.Is<ClockInput>(i => i.RecordId == instanceId), It.Is<StartOrchestrationOptions>(o => o.InstanceId == instanceId), It.IsAny<CancellationToken>()));
        durable.Verify(d => d.RaiseEventAsync(instanceId, ClockCycle.WakeEvent, null, It.IsAny<CancellationToken>()));
        Assert.DoesNotContain(outbox.Query<TableEntity>(e => e.PartitionKey == ClockWaker.Partition), row => row.RowKey.StartsWith(instanceId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_orchestrator_function_runs_the_kim_core_cycle_with_the_input_it_was_started_with()
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.SetupGet(c => c.InstanceId).Returns("c-1:r-1");
        context.Setup(c => c.GetInput<ClockInput>()).Returns(new ClockInput("c-1:r-1"));
        context.Setup(c => c.CallActivityAsync<ClockView>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(ClockView.Gone);

        var outcome = await OrchestratorFunctions.Referral(context.Object);

        Assert.Equal("gone", outcome);
        context.Verify(c => c.CallActivityAsync<ClockView>(
            It.Is<TaskName>(n => n.Name == nameof(ReadClockActivity)), It.Is<ClockRead>(r => r.RecordId == "c-1:r-1" && r.OrchestrationId == "c-1:r-1"), It.IsAny<TaskOptions?>()));
    }

    [Fact]
    public async Task The_durable_client_service_forwards_to_the_invocations_binding_and_refuses_outside_one()
    {
        var bound = new Mock<DurableTaskClient>("bound");
        var service = new InvocationDurableClient();

        await InvocationDurableClient.RunAsync(bound.Object, () => service.RaiseEventAsync("c-1", ClockCycle.WakeEvent));

        bound.Verify(d => d.RaiseEventAsync("c-1", ClockCycle.WakeEvent, null, It.IsAny<CancellationToken>()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => service.RaiseEventAsync("c-1", ClockCycle.WakeEvent));
    }
}
