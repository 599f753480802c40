namespace Kim.Core.Orchestrations;

/// <summary>
/// What an orchestration keeps of a record at one moment: the timers and pending actions it owns.
/// No client data.
/// </summary>
/// <param name="Exists">False once the record is purged: the orchestration ends.</param>
/// <param name="Ended">The record has ended (its timers are gone); pending actions still run.</param>
/// <param name="Timers">Owned timers, soonest first.</param>
/// <param name="Actions">Owned pending actions, in the order they were asked for.</param>
public sealed record ClockView(bool Exists, bool Ended, IReadOnlyList<ClockTimer> Timers, IReadOnlyList<ClockAction> Actions)
{
    /// <summary>The view of a record that does not exist.</summary>
    public static ClockView Gone { get; } = new(false, true, [], []);
}
