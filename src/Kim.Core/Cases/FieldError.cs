namespace Kim.Core.Cases;

/// <summary>One failing field of a validation, named by its JSON path (<c>client.givenName</c>).</summary>
public sealed record FieldError(string Field, string Message);
