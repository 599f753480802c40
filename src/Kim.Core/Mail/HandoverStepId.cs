namespace Kim.Core.Mail;

/// <summary>A handover step's id as in DOMAIN.md, e.g. <c>jobcentre-application</c>.</summary>
public readonly record struct HandoverStepId
{
    private readonly string? _value;

    public HandoverStepId(string value) => _value = MailIdentifier.Validate(value, "handover step id");

    /// <summary>The id; a default (uninitialised) HandoverStepId has none and throws.</summary>
    public string Value => _value ?? throw new InvalidOperationException("This HandoverStepId was never set.");

    public override string ToString() => _value ?? string.Empty;
}
