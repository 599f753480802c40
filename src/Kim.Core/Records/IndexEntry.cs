namespace Kim.Core.Records;

/// <summary>
/// A derived index row (instances by status, by workflow, needing attention). Written outside the
/// instance's transaction, so a reader re-checks the instance before acting on one.
/// </summary>
public sealed record IndexEntry(string Key, string InstanceId)
{
    public static IndexEntry ByStatus(WorkflowStatus status, string instanceId) => new("status-" + status.ToString().ToLowerInvariant(), instanceId);

    public static IndexEntry ByWorkflow(string workflow, string instanceId) => new("workflow-" + workflow, instanceId);

    public static IndexEntry Attention(string instanceId) => new("attention", instanceId);

    /// <summary>The index rows an instance in this form should have.</summary>
    public static IReadOnlyList<IndexEntry> For(InstanceRecord instance)
    {
        var entries = new List<IndexEntry> { ByStatus(instance.Status, instance.InstanceId), ByWorkflow(instance.Workflow, instance.InstanceId) };
        if (instance.NeedsAttention)
        {
            entries.Add(Attention(instance.InstanceId));
        }

        return entries;
    }
}
