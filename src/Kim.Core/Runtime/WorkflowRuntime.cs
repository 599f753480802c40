using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kim.Core.Runtime;

/// <summary>
/// The runtime put together: one store, one work queue, one poison queue, the registries.
/// Gives the <see cref="Client"/> for operations, the <see cref="Handler"/> every driver calls with a
/// work message, and the standalone driver.
/// </summary>
public sealed class WorkflowRuntime
{
    private readonly WorkflowEngine _engine;
    private readonly ILoggerFactory _loggerFactory;

    public WorkflowRuntime(
        IInstanceStore store,
        IWorkQueue workQueue,
        IWorkQueue poisonQueue,
        WorkflowRegistry workflows,
        ActionRegistry actions,
        WorkflowRuntimeOptions? options = null,
        TimeProvider? timeProvider = null,
        IEnumerable<IInstanceObserver>? observers = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(workQueue);
        ArgumentNullException.ThrowIfNull(poisonQueue);
        ArgumentNullException.ThrowIfNull(workflows);
        ArgumentNullException.ThrowIfNull(actions);
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Options = options ?? new WorkflowRuntimeOptions();
        WorkQueue = workQueue;
        PoisonQueue = poisonQueue;
        Workflows = workflows;
        Actions = actions;
        _engine = new WorkflowEngine(
            store,
            workQueue,
            workflows,
            Options,
            timeProvider ?? TimeProvider.System,
            [.. observers ?? []],
            _loggerFactory.CreateLogger("Kim.Core.Runtime"));
        Client = new WorkflowClient(_engine);
        Handler = new WorkItemHandler(_engine, actions, poisonQueue);
    }

    public WorkflowClient Client { get; }

    public WorkItemHandler Handler { get; }

    public WorkflowRuntimeOptions Options { get; }

    public IWorkQueue WorkQueue { get; }

    public IWorkQueue PoisonQueue { get; }

    public WorkflowRegistry Workflows { get; }

    public ActionRegistry Actions { get; }

    public TimeProvider TimeProvider => _engine.Time;

    /// <summary>A standalone driver on the work queue (several may run on one queue).</summary>
    public WorkDispatcher CreateDispatcher() =>
        new(WorkQueue, Handler, Options, _engine.Time, _loggerFactory.CreateLogger("Kim.Core.Runtime.WorkDispatcher"));
}
