using Kim.Core.Records;

namespace Kim.Api.Cases;

/// <summary>What a case command came to: the instance as it is now, or the problem to answer.</summary>
public sealed record CaseCommandResult(InstanceSnapshot? Instance, IResult? Problem)
{
    public bool Succeeded => Problem is null && Instance is not null;
}
