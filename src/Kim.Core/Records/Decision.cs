namespace Kim.Core.Records;

/// <summary>
/// The result of a workflow decision: the new state and the commands to carry out, or a rejection.
/// </summary>
public sealed record Decision<TState>
    where TState : class
{
    private Decision(TState? state, IReadOnlyList<WorkflowCommand> commands, string? customStatus, WorkflowRejection? rejection)
    {
        State = state;
        Commands = commands;
        CustomStatus = customStatus;
        Rejection = rejection;
    }

    /// <summary>The new state; null only when rejected.</summary>
    public TState? State { get; }

    public IReadOnlyList<WorkflowCommand> Commands { get; }

    /// <summary>A short status for lists and indexes (e.g. the case state); null keeps the previous one.</summary>
    public string? CustomStatus { get; }

    public WorkflowRejection? Rejection { get; }

    public static Decision<TState> To(TState state, params IReadOnlyList<WorkflowCommand> commands) =>
        new(state, commands, null, null);

    public static Decision<TState> To(TState state, string customStatus, params IReadOnlyList<WorkflowCommand> commands) =>
        new(state, commands, customStatus, null);

    public static Decision<TState> Reject(WorkflowRejection rejection) => new(null, [], null, rejection);

    public static Decision<TState> Reject(string code, string message, string? currentState = null) =>
        Reject(new WorkflowRejection(code, message, currentState));
}
