namespace Kim.Api.Tests.Durable;

/// <summary>The input of <see cref="GreetingOrchestrator"/>: whom to greet and how long the durable timer waits (seconds; 0: no timer).</summary>
public sealed record GreetingRequest(string Name, int TimerSeconds);
