namespace Kim.Core.Runtime;

/// <summary>What the handler did with one work message. Every outcome means: acknowledge (delete) it.</summary>
public enum WorkOutcome
{
    /// <summary>An event was applied (timer fired, action result, delivery).</summary>
    Applied,

    /// <summary>The event had been applied before; nothing changed.</summary>
    Duplicate,

    /// <summary>A timer not yet due was sent on with a new delay.</summary>
    Rearmed,

    /// <summary>The action failed and was sent again with a back-off.</summary>
    Retried,

    /// <summary>The commit the message was sent for has not landed yet: sent again with a short delay.</summary>
    AwaitingCommit,

    /// <summary>The instance is suspended: sent again later.</summary>
    Deferred,

    /// <summary>The message no longer matches the instance (moved timer, ended instance, orphaned): dropped, logged.</summary>
    Dropped,

    /// <summary>Out of attempts or receives: kept in the poison queue, instance flagged as needing attention.</summary>
    Poisoned,
}
