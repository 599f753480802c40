namespace Kim.Api.Tests.Durable;

/// <summary>
/// The crash test runs alone: its timings (follow-ups due within a minute, kills at random moments)
/// should not compete with the other tests for the cores, nor they with its restarts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashRestartCollection
{
    public const string Name = "Crash and restart";
}
