namespace Kim.Testing.Runtime;

/// <summary>
/// Named points where a test can make a backend "crash" (throw <see cref="SimulatedCrashException"/>)
/// on the n-th time the point is passed, once. The in-memory store and queue pass these points:
/// <c>store.commit.before</c>, <c>store.commit.after</c> (written, then the caller never hears),
/// <c>queue.send.before</c>, <c>queue.send.after</c>, <c>queue.delete.before</c>.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _hits = [];
    private readonly Dictionary<string, int> _armed = [];

    public void CrashAt(string point, int occurrence = 1)
    {
        lock (_gate)
        {
            _armed[point] = occurrence;
        }
    }

    public int Hits(string point)
    {
        lock (_gate)
        {
            return _hits.GetValueOrDefault(point);
        }
    }

    public bool Fired { get; private set; }

    public void Pass(string point)
    {
        lock (_gate)
        {
            var hits = _hits[point] = _hits.GetValueOrDefault(point) + 1;
            if (_armed.TryGetValue(point, out var at) && at == hits)
            {
                _armed.Remove(point);
                Fired = true;
                throw new SimulatedCrashException(point, hits);
            }
        }
    }
}

public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SimulatedCrashException(string point, int occurrence)
        : base($"simulated crash at {point} #{occurrence}")
    {
    }
}
