namespace Kim.Core.Workflows;

/// <summary>The names of the events a handover accepts.</summary>
public static class HandoverEvents
{
    /// <summary><c>{ "step" }</c>: a person confirms one step.</summary>
    public const string ConfirmStep = "confirm-step";

    /// <summary><c>{ "reason"? }</c>: the case ended; the handover ends unfinished.</summary>
    public const string Cancel = "cancel";
}
