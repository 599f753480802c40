namespace Kim.Core.Records;

/// <summary>
/// A decision's refusal of an event (an illegal transition, a referral without consent). Nothing is
/// applied or written; the caller gets the rejection, and the API answers it (409 for a conflict
/// with the current state).
/// </summary>
/// <param name="Code">A stable code, e.g. <c>illegal-transition</c> or <c>consent-missing</c>.</param>
/// <param name="Message">What a person reads.</param>
/// <param name="CurrentState">The state the instance is in, for an illegal transition.</param>
public sealed record WorkflowRejection(string Code, string Message, string? CurrentState = null);
