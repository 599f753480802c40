namespace Kim.Core.Mail;

/// <summary>A case's reference as case managers use it in Kim (the case id of the API); never the client's name.</summary>
public readonly record struct CaseReference
{
    private readonly string? _value;

    public CaseReference(string value) => _value = MailIdentifier.Validate(value, "case reference");

    /// <summary>The id; a default (uninitialised) CaseReference has none and throws.</summary>
    public string Value => _value ?? throw new InvalidOperationException("This CaseReference was never set.");

    public override string ToString() => _value ?? string.Empty;
}
