namespace Kim.Core.Storage;

/// <summary>What one operation of an entity-group transaction does.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails if the entity exists.</summary>
    Add,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,

    /// <summary>Merge into an existing entity (with its ETag, or unconditionally).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity (with its ETag, or unconditionally).</summary>
    UpdateReplace,

    /// <summary>Delete an existing entity (with its ETag, or unconditionally).</summary>
    Delete,
}
