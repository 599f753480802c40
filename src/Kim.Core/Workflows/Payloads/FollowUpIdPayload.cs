namespace Kim.Core.Workflows.Payloads;

/// <summary><c>complete-follow-up</c>: <c>{ "followUpId" }</c>.</summary>
public sealed record FollowUpIdPayload(string FollowUpId);
