namespace Kim.Core.Workflows;

/// <summary>The timer ids of a handover instance.</summary>
public static class HandoverTimers
{
    /// <summary>The handover's target day ends while its hard-deadline step is unconfirmed.</summary>
    public const string Target = "target";

    /// <summary>The hard deadline ends while its step is unconfirmed: reported to the coordinators too.</summary>
    public const string HardDeadline = "hard-deadline";

    /// <summary><c>step:{step}:notice</c>: <see cref="TimingOptions.HandoverNotice"/> before a step's deadline day, at 08:00.</summary>
    public static string Notice(string step) => $"step:{step}:notice";

    /// <summary><c>step:{step}:due</c>: a step's deadline day has ended (steps other than the hard one).</summary>
    public static string Due(string step) => $"step:{step}:due";
}
