namespace Kim.Core.Cases;

public static class CaseStateExtensions
{
    /// <summary>Open states take part in the process; Declined and Closed only wait for deletion (or a reopen).</summary>
    public static bool IsOpen(this CaseState state) => state is not (CaseState.Declined or CaseState.Closed);

    /// <summary>Referrals, follow-ups, contacts and notes are possible in every open state from Clearing on.</summary>
    public static bool AllowsCaseWork(this CaseState state) => state.IsOpen() && state != CaseState.Referred;

    public static IntakeStatus ToIntakeStatus(this CaseState state) => state switch
    {
        CaseState.Referred => IntakeStatus.Received,
        CaseState.Clearing => IntakeStatus.InClearing,
        CaseState.Declined => IntakeStatus.Declined,
        CaseState.Closed => IntakeStatus.Closed,
        _ => IntakeStatus.Accepted,
    };

    /// <summary>The name used in JSON, custom status and rejections, e.g. <c>handover-pending</c>.</summary>
    public static string ToName(this CaseState state) => state switch
    {
        CaseState.Referred => "referred",
        CaseState.Clearing => "clearing",
        CaseState.Declined => "declined",
        CaseState.Assessment => "assessment",
        CaseState.Planning => "planning",
        CaseState.Monitoring => "monitoring",
        CaseState.HandoverPending => "handover-pending",
        CaseState.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
