using Kim.Core.Records;
using Microsoft.DurableTask;

namespace Kim.Core.Orchestrations;

/// <summary>
/// Flags a record as needing attention (shown on its case) when one of its orchestrations fails
/// for good; an administrator restarts it (<c>POST /api/admin/orchestrations/{instanceId}/restart</c>).
/// </summary>
/// <param name="records">The records.</param>
public sealed class MarkAttentionActivity(RecordKeeper records) : TaskActivity<AttentionNote, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, AttentionNote input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await records.Clock.MarkAttentionAsync(input.RecordId, input.Reason);
        return true;
    }
}
