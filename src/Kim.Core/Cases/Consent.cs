namespace Kim.Core.Cases;

/// <summary>
/// A recorded consent (Einwilligung / Schweigepflichtentbindung): who may receive which categories
/// of data for which purpose. A consent always names one recipient; there is no blanket consent.
/// </summary>
public sealed record Consent
{
    /// <summary>The purpose of the consent to case processing itself; its recipient is the municipality.</summary>
    public const string CaseProcessingPurpose = "case-processing";

    private static readonly HashSet<string> BlanketRecipients =
        new(StringComparer.OrdinalIgnoreCase) { "*", "all", "any", "alle", "everyone", "jeder", "jede" };

    public required string ConsentId { get; init; }

    /// <summary>A partner id or a named service; matched case-insensitively.</summary>
    public required string Recipient { get; init; }

    public required string Purpose { get; init; }

    public required IReadOnlyList<DataCategory> Categories { get; init; }

    public required ConsentForm Form { get; init; }

    public required DateOnly ValidFrom { get; init; }

    public string? DocumentId { get; init; }

    public DateTimeOffset? WithdrawnAt { get; init; }

    public DateTimeOffset? RecordedAt { get; init; }

    public string? RecordedBy { get; init; }

    public bool IsCaseProcessing => string.Equals(Purpose, CaseProcessingPurpose, StringComparison.OrdinalIgnoreCase);

    /// <summary>Active on a day: in force from <see cref="ValidFrom"/> and not withdrawn.</summary>
    public bool IsActiveOn(DateOnly day) => WithdrawnAt is null && ValidFrom <= day;

    /// <summary>Whether this consent allows sharing with <paramref name="recipient"/> on <paramref name="day"/>.</summary>
    public bool Covers(string recipient, DateOnly day) =>
        IsActiveOn(day) && string.Equals(Recipient.Trim(), recipient.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A recipient that names nobody in particular ("all", "*") would make the consent a blanket one.</summary>
    public static bool IsBlanketRecipient(string? recipient) =>
        string.IsNullOrWhiteSpace(recipient) || BlanketRecipients.Contains(recipient.Trim());

    public IReadOnlyList<FieldError> Validate(string prefix = "")
    {
        var errors = new List<FieldError>();
        if (IsBlanketRecipient(Recipient))
        {
            errors.Add(new FieldError(prefix + "recipient", "must name one recipient; blanket consent is invalid"));
        }

        FieldLimits.CheckText(errors, prefix + "recipient", Recipient, FieldLimits.IdLength, required: true);
        FieldLimits.CheckText(errors, prefix + "purpose", Purpose, FieldLimits.ShortTextLength, required: true);
        FieldLimits.CheckText(errors, prefix + "documentId", DocumentId, FieldLimits.IdLength, required: false);
        if (Categories is null || Categories.Count == 0)
        {
            errors.Add(new FieldError(prefix + "categories", "must name at least one data category"));
        }

        return errors;
    }
}
