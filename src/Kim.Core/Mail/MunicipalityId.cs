namespace Kim.Core.Mail;

/// <summary>A municipality's id, e.g. <c>luedenscheid</c>.</summary>
public readonly record struct MunicipalityId
{
    private readonly string? _value;

    public MunicipalityId(string value) => _value = MailIdentifier.Validate(value, "municipality id");

    /// <summary>The id; a default (uninitialised) MunicipalityId has none and throws.</summary>
    public string Value => _value ?? throw new InvalidOperationException("This MunicipalityId was never set.");

    public override string ToString() => _value ?? string.Empty;
}
