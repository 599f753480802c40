using Kim.Core.Workflows;

namespace Kim.Api.Access;

/// <summary>Which district a case belongs to, for routing its mails.</summary>
public static class CaseDistrict
{
    /// <summary>The case's district, or its assignee's when the case names none (cases opened before districts were recorded).</summary>
    public static async Task<string?> DistrictOfCaseAsync(this IAccessDirectory directory, CaseWorkflowState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(state);
        return state.District
            ?? (state.Assignee is { } id ? (await directory.FindStaffAsync(id, cancellationToken))?.District : null);
    }
}
