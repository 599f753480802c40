namespace Kim.Testing;

/// <summary>
/// A clock that moves only when a test moves it, so timers and deadlines are tested without sleeping.
/// Timers created from it fire when <see cref="Advance"/> passes their due time.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    public FakeTimeProvider(DateTimeOffset start) => _now = start;

    public override TimeZoneInfo LocalTimeZone => _zone;

    public void SetLocalTimeZone(TimeZoneInfo zone) => _zone = zone;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            if (value < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "The fake clock does not go backwards.");
            }

            _now = value;
        }

        FireDue();
    }

    public void Advance(TimeSpan delta) => SetUtcNow(GetUtcNow() + delta);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void FireDue()
    {
        while (true)
        {
            FakeTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.DueAt is { } d && d <= _now).OrderBy(t => t.DueAt).FirstOrDefault();
                if (due is null)
                {
                    return;
                }

                due.DueAt = due.Period > TimeSpan.Zero ? due.DueAt + due.Period : null;
            }

            due.Callback(due.State);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;
        public object? State { get; } = state;
        public DateTimeOffset? DueAt { get; set; }
        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                owner._timers.Add(this);
            }

            owner.FireDue();
            return true;
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
