namespace Kim.Core.Storage;

/// <summary>A received message: the pop receipt proves this receiver holds it until <see cref="NextVisibleOn"/>.</summary>
/// <param name="DequeueCount">How often it was received, this time included: the basis of poison handling.</param>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string MessageText,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset NextVisibleOn);
