namespace Kim.Core.Records;

/// <summary>An instance's state (with its timers and pending actions) or an event is beyond what one row can hold.</summary>
public sealed class InstanceTooLargeException : Exception
{
    public InstanceTooLargeException()
    {
    }

    public InstanceTooLargeException(string message)
        : base(message)
    {
    }

    public InstanceTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
