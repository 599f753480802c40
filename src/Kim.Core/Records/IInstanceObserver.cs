namespace Kim.Core.Records;

/// <summary>
/// Told after a commit has landed (a case list per municipality, a due-date index for reminders).
/// Projections built here are derived: the call can be missed (a crash right after the commit) or
/// repeated, so a projection re-checks the instance before acting and can be rebuilt.
/// </summary>
public interface IInstanceObserver
{
    Task OnCommittedAsync(InstanceRecord instance, HistoryEntry entry, CancellationToken cancellationToken);
}
