using Kim.Core.Records;

namespace Kim.Api.Cases;

/// <summary>What a case command came to: the instance as it is now, or the problem to answer.</summary>
/// <param name="Instance">The instance after the command (for a repeat: as it is now).</param>
/// <param name="Problem">The answer when the command was refused.</param>
/// <param name="Later">
/// For a repeat under the same <c>Idempotency-Key</c>: how many commands of the same kind were applied
/// after the first, so that a created item is found counting from the end (<c>Contacts[^(1 + Later)]</c>). 0 otherwise.
/// </param>
public sealed record CaseCommandResult(InstanceSnapshot? Instance, IResult? Problem, int Later = 0)
{
    public bool Succeeded => Problem is null && Instance is not null;
}
