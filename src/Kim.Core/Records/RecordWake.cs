namespace Kim.Core.Records;

/// <summary>
/// What a commit gave a record to keep in time: the ids of timers and pending actions that are new
/// or moved (another due time or generation). The orchestrations that own them must re-read the
/// record (<see cref="IRecordWaker"/>).
/// </summary>
/// <param name="RecordId">The instance id of the record (<c>{caseId}</c>, <c>{caseId}:r-1</c> …).</param>
/// <param name="Workflow">The record's workflow name (<c>case</c>, <c>referral</c>, <c>handover</c>).</param>
/// <param name="ItemIds">Timer ids and action ids, as the workflow named them.</param>
public sealed record RecordWake(string RecordId, string Workflow, IReadOnlyList<string> ItemIds);
