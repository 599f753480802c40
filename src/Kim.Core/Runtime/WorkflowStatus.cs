namespace Kim.Core.Runtime;

public enum WorkflowStatus
{
    Running,
    Suspended,
    Completed,
    Failed,
    Terminated,
}
