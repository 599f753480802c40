namespace Kim.Api.Cases;

/// <summary><c>POST …/assign</c>.</summary>
public sealed record AssignRequest(string? CaseManagerId)
{
    public RequestChecks Check() => new RequestChecks().Required("caseManagerId", CaseManagerId);
}
