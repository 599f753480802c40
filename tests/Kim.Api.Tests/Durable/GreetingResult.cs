namespace Kim.Api.Tests.Durable;

/// <summary>
/// The output of <see cref="GreetingOrchestrator"/>: the activity's greeting, the event's payload, and
/// how many seconds of orchestration time the timer took (from the replay-safe clock).
/// </summary>
public sealed record GreetingResult(string Greeting, string Approval, double TimerSeconds);
