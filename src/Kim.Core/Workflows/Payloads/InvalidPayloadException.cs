namespace Kim.Core.Workflows.Payloads;

/// <summary>An event's payload does not fit its event; the decision rejects it with <c>invalid-payload</c>.</summary>
public sealed class InvalidPayloadException : Exception
{
    public InvalidPayloadException()
    {
    }

    public InvalidPayloadException(string message)
        : base(message)
    {
    }

    public InvalidPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
