using System.Reflection;
using System.Text.Json;
using Kim.Api;
using Kim.Core.Orchestrations;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Functions.Tests;

/// <summary>
/// What the Functions host will index (functions.metadata) against what Kim serves and runs
/// standalone: the Kim.Api route table and <see cref="KimOrchestrations.Register"/>. A route added
/// to the table without its HTTP function fails here.
/// </summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void Every_route_of_the_route_table_is_an_http_trigger_with_its_method_and_path_and_nothing_else_is()
    {
        using var host = WorkerServices.Build("UseDevelopmentStorage=true");
        var services = host.Services;
        var table = services.GetRequiredService<KimRouteTable>().Endpoints
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => Route(m, e.RoutePattern.RawText!)))
            .Order()
            .ToList();

        var triggers = FunctionsMetadata.Functions
            .Select(FunctionsMetadata.Trigger)
            .Where(t => t is { } trigger && FunctionsMetadata.Type(trigger) == "httpTrigger")
            .SelectMany(t => t!.Value.GetProperty("methods").EnumerateArray().Select(m => Route(m.GetString()!, t.Value.GetProperty("route").GetString()!)))
            .Order()
            .ToList();

        Assert.True(table.Count > 50, $"the route table has only {table.Count} routes");
        Assert.Equal(table, triggers);
    }

    [Fact]
    public void Every_http_trigger_is_anonymous_to_the_host_and_binds_the_durable_client()
    {
        var http = FunctionsMetadata.Functions.Where(f => FunctionsMetadata.Trigger(f) is { } t && FunctionsMetadata.Type(t) == "httpTrigger").ToList();

        Assert.NotEmpty(http);
        Assert.All(http, function =>
        {
            // Kim authorizes every route itself; a function key would stand in front of partners' API keys.
            Assert.Equal("Anonymous", FunctionsMetadata.Trigger(function)!.Value.GetProperty("authLevel").GetString());
            Assert.Contains(FunctionsMetadata.Bindings(function), b => FunctionsMetadata.Type(b) == "durableClient");
        });
    }

    [Fact]
    public void Every_orchestrator_and_activity_that_standalone_registers_has_its_trigger_under_its_name()
    {
        var registry = new DurableTaskRegistry();
        KimOrchestrations.Register(registry);

        Assert.Equal(Registered(registry, "Orchestrators"), Triggered("orchestrationTrigger"));
        Assert.Equal(Registered(registry, "Activities"), Triggered("activityTrigger"));
        Assert.All(
            FunctionsMetadata.Functions.Where(f => Triggered("activityTrigger").Contains(FunctionsMetadata.Name(f))),
            activity => Assert.Contains(FunctionsMetadata.Bindings(activity), b => FunctionsMetadata.Type(b) == "durableClient"));
    }

    [Fact]
    public void The_digest_and_the_wake_up_sweep_are_minute_timers_in_utc()
    {
        JsonElement Timer(string name) => FunctionsMetadata.Trigger(FunctionsMetadata.Functions.Single(f => FunctionsMetadata.Name(f) == name))!.Value;

        Assert.Equal("timerTrigger", FunctionsMetadata.Type(Timer("ReminderDigest")));
        Assert.Equal("0 * * * * *", Timer("ReminderDigest").GetProperty("schedule").GetString());
        Assert.Equal("timerTrigger", FunctionsMetadata.Type(Timer("ClockMaintenance")));
        Assert.Equal("30 * * * * *", Timer("ClockMaintenance").GetProperty("schedule").GetString());
        Assert.Contains(FunctionsMetadata.Bindings(FunctionsMetadata.Functions.Single(f => FunctionsMetadata.Name(f) == "ClockMaintenance")), b => FunctionsMetadata.Type(b) == "durableClient");
    }

    // The host compares paths without the leading slash and with or without a trailing one alike.
    private static string Route(string method, string path) => $"{method.ToUpperInvariant()} {path.Trim('/')}";

    private static List<string> Triggered(string trigger) =>
        [.. FunctionsMetadata.Functions.Where(f => FunctionsMetadata.Trigger(f) is { } t && FunctionsMetadata.Type(t) == trigger).Select(FunctionsMetadata.Name).Order()];

    // DurableTaskRegistry shows what was added only internally: name/factory pairs keyed by TaskName.
    private static List<string> Registered(DurableTaskRegistry registry, string property)
    {
        var added = (System.Collections.IEnumerable)typeof(DurableTaskRegistry).GetProperty(property, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(registry)!;
        return [.. added.Cast<object>().Select(pair => ((TaskName)pair.GetType().GetProperty("Key")!.GetValue(pair)!).Name).Order()];
    }
}
