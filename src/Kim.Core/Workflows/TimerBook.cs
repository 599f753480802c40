using System.Collections.Immutable;
using Kim.Core.Records;

namespace Kim.Core.Workflows;

/// <summary>
/// The timers an instance holds, and the commands that keep the runtime's timers in step with them.
/// Workflows keep their timers in state so that a stray or moved timer's late firing is recognised
/// and ignored, and so that the next due date can be shown.
/// </summary>
internal sealed class TimerBook(ImmutableSortedDictionary<string, DateTimeOffset> timers)
{
    public ImmutableSortedDictionary<string, DateTimeOffset> Timers { get; private set; } = timers;

    public List<WorkflowCommand> Commands { get; } = [];

    /// <summary>Whether the instance holds this timer with this due time: anything else is a stray firing.</summary>
    public bool Holds(TimerFired fired) => Timers.TryGetValue(fired.TimerId, out var due) && due == fired.DueAt;

    public void Start(string timerId, DateTimeOffset dueAt)
    {
        Timers = Timers.SetItem(timerId, dueAt);
        Commands.Add(new StartTimer(timerId, dueAt));
    }

    public void Cancel(string timerId)
    {
        if (Timers.ContainsKey(timerId))
        {
            Timers = Timers.Remove(timerId);
            Commands.Add(new CancelTimer(timerId));
        }
    }

    public void CancelWhere(Func<string, bool> predicate)
    {
        foreach (var id in Timers.Keys.Where(predicate).ToList())
        {
            Cancel(id);
        }
    }

    /// <summary>A timer that fired is no longer held; the runtime needs no command for that.</summary>
    public void Fired(string timerId) => Timers = Timers.Remove(timerId);

    public void Add(WorkflowCommand command) => Commands.Add(command);
}
