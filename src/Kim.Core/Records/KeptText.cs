namespace Kim.Core.Records;

/// <summary>A free text kept in a row of its own beside its record (<see cref="KeepText"/>).</summary>
/// <param name="InstanceId">The record's instance id.</param>
/// <param name="TextId">The text's id within the record.</param>
/// <param name="Text">The text.</param>
public sealed record KeptText(string InstanceId, string TextId, string Text)
{
    /// <summary>
    /// The longest text one row holds: a Table Storage string property holds 64 KiB of UTF-16, and
    /// Kim's longest free text is 4,000 characters (FieldLimits.TextLength).
    /// </summary>
    public const int MaxLength = 32_000;
}
