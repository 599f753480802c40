namespace Kim.Core.Orchestrations;

/// <summary>
/// The input of every orchestration of Kim: which record it keeps in time. It holds no client
/// data; the orchestration re-reads the record on every wake-up (ARCHITECTURE.md).
/// </summary>
/// <param name="RecordId">The record's instance id: <c>{caseId}</c> for the case clock and its follow-ups, <c>{caseId}:r-1</c> for a referral, <c>{caseId}:h-1</c> for a handover.</param>
public sealed record ClockInput(string RecordId);
