using Kim.Core.Orchestrations;
using Kim.Core.Records;
using Kim.Functions.Durable;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kim.Functions.Tests;

/// <summary>The worker's services: what the host's timers and bindings stand in for.</summary>
public sealed class WorkerWiringTests
{
    [Fact]
    public void The_host_timer_replaces_the_standalone_reminder_driver()
    {
        IServiceCollection? registered = null;
        using var host = WorkerServices.Build("UseDevelopmentStorage=true", services => registered = services);

        Assert.Contains(registered!, d => d.ServiceType == typeof(IHostedService));
        Assert.DoesNotContain(registered!, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "StandaloneReminderService");
    }

    [Fact]
    public void Commits_wake_orchestrations_through_the_invocations_durable_client()
    {
        using var host = WorkerServices.Build("UseDevelopmentStorage=true");

        Assert.IsType<InvocationDurableClient>(host.Services.GetRequiredService<DurableTaskClient>());
        Assert.IsType<ClockWaker>(host.Services.GetRequiredService<IRecordWaker>());
    }
}
