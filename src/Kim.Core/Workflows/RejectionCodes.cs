namespace Kim.Core.Workflows;

/// <summary>The stable codes of the workflows' rejections; the API maps each to a problem type.</summary>
public static class RejectionCodes
{
    /// <summary>The event is not allowed in the current state (409 with the current state).</summary>
    public const string IllegalTransition = "illegal-transition";

    /// <summary>No active consent covers what the event needs (409).</summary>
    public const string ConsentMissing = "consent-missing";

    /// <summary>The payload does not fit the event (400/422).</summary>
    public const string InvalidPayload = "invalid-payload";

    /// <summary>An event name the workflow does not know (400).</summary>
    public const string UnknownEvent = "unknown-event";

    public const string UnknownConsent = "unknown-consent";

    public const string UnknownFollowUp = "unknown-follow-up";

    public const string UnknownStep = "unknown-step";

    /// <summary>Kim has no handover plan for that change of legal domain (422).</summary>
    public const string UnsupportedHandover = "unsupported-handover";

    /// <summary>The case is under a legal hold, which stops its deletion (409).</summary>
    public const string LegalHold = "legal-hold";

    /// <summary>An event other than the start reached an instance that has not started.</summary>
    public const string NotStarted = "not-started";
}
