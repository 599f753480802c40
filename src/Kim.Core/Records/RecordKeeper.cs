using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kim.Core.Records;

/// <summary>
/// Composes the records of Kim: the store, the workflows (pure decisions), the action handlers,
/// the waker of the orchestrations and the clock. <see cref="Client"/> serves HTTP commands and
/// reads; <see cref="Clock"/> serves the orchestrations' activities.
/// </summary>
public sealed class RecordKeeper
{
    /// <summary>Creates the keeper.</summary>
    /// <param name="store">Where records live (Table Storage in production).</param>
    /// <param name="workflows">The pure decisions by (name, version).</param>
    /// <param name="actions">The handlers of pending actions by name.</param>
    /// <param name="waker">Tells orchestrations that a record has new timers or actions; <see cref="NoRecordWaker"/> for none.</param>
    /// <param name="timeProvider">The app's clock (UTC): due times are compared with it.</param>
    /// <param name="observers">Told after each commit, best effort (projections, indexes).</param>
    /// <param name="loggerFactory">Logs under <c>Kim.Core.Records</c>.</param>
    public RecordKeeper(
        IInstanceStore store,
        WorkflowRegistry workflows,
        ActionRegistry actions,
        IRecordWaker? waker = null,
        TimeProvider? timeProvider = null,
        IEnumerable<IInstanceObserver>? observers = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(workflows);
        ArgumentNullException.ThrowIfNull(actions);
        var engine = new RecordEngine(
            store,
            workflows,
            waker ?? NoRecordWaker.Instance,
            timeProvider ?? TimeProvider.System,
            [.. observers ?? []],
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Kim.Core.Records"));
        Workflows = workflows;
        Actions = actions;
        Client = new WorkflowClient(engine);
        Clock = new RecordClock(engine, actions);
    }

    /// <summary>Commands and reads.</summary>
    public WorkflowClient Client { get; }

    /// <summary>Timers and actions, for the orchestrations' activities.</summary>
    public RecordClock Clock { get; }

    /// <summary>The registered workflows.</summary>
    public WorkflowRegistry Workflows { get; }

    /// <summary>The registered action handlers.</summary>
    public ActionRegistry Actions { get; }
}
