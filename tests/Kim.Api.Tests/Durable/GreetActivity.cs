using Microsoft.DurableTask;

namespace Kim.Api.Tests.Durable;

/// <summary>A test activity: greets in German.</summary>
public sealed class GreetActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"Hallo {input}");
}
