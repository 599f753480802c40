namespace Kim.Core.Cases;

/// <summary>How a consent was given. A written or electronic form is kept as a document (<c>documentId</c>).</summary>
public enum ConsentForm
{
    Written,
    Electronic,
    Oral,

    /// <summary>Declared on an intake or opening form by the partner or case manager; the signed form should follow.</summary>
    Declared,
}
