namespace Kim.Core.Storage;

/// <summary>How an update treats properties the sent entity does not have.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep them (HTTP PATCH, "Merge Entity").</summary>
    Merge,

    /// <summary>Drop them (HTTP PUT, "Update Entity").</summary>
    Replace,
}
