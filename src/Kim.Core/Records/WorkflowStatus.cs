namespace Kim.Core.Records;

public enum WorkflowStatus
{
    Running,
    Suspended,
    Completed,
    Failed,
    Terminated,
}
