namespace Kim.Core.Workflows;

public enum HandoverStatus
{
    Open,

    /// <summary>Every step confirmed.</summary>
    Completed,

    /// <summary>Ended unfinished because the case was closed.</summary>
    Cancelled,
}
