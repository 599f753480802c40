namespace Kim.Core.Input;

/// <summary>Why a JSON text is not one Kim reads (<see cref="CanonicalJson"/>).</summary>
public enum JsonFault
{
    /// <summary>Not well-formed JSON (RFC 8259), or nested deeper than allowed.</summary>
    Malformed,

    /// <summary>An object has a member name twice (I-JSON, RFC 7493 §2.3); names that differ only in case count as the same.</summary>
    DuplicateMember,

    /// <summary>A string is not valid Unicode: a lone surrogate escape or invalid UTF-8 (I-JSON, RFC 7493 §2.1).</summary>
    InvalidUnicode,
}
