using Microsoft.Extensions.Logging;

namespace Kim.Api.Tests.Mail;

/// <summary>Captures log event ids, and lets a test wait for one.</summary>
internal sealed class EventLogger<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<(int Id, TaskCompletionSource Seen)> _waiters = [];

    public List<int> EventIds { get; } = [];

    public Task WaitForAsync(int eventId)
    {
        lock (_gate)
        {
            if (EventIds.Contains(eventId))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((eventId, seen));
            return seen.Task;
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            EventIds.Add(eventId.Id);
            foreach (var waiter in _waiters.Where(w => w.Id == eventId.Id))
            {
                waiter.Seen.TrySetResult();
            }
        }
    }
}
