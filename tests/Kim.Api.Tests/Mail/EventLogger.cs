using Microsoft.Extensions.Logging;

namespace Kim.Api.Tests.Mail;

/// <summary>Captures log event ids, and lets a test wait for one.</summary>
internal sealed class EventLogger<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<(int Id, int Times, TaskCompletionSource Seen)> _waiters = [];

    public List<int> EventIds { get; } = [];

    /// <summary>Completes once the event has been logged <paramref name="times"/> times in all.</summary>
    public Task WaitForAsync(int eventId, int times = 1)
    {
        lock (_gate)
        {
            if (EventIds.Count(id => id == eventId) >= times)
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((eventId, times, seen));
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
            var count = EventIds.Count(id => id == eventId.Id);
            foreach (var waiter in _waiters.Where(w => w.Id == eventId.Id && w.Times <= count))
            {
                waiter.Seen.TrySetResult();
            }
        }
    }
}
