namespace Kim.Core.Cases;

/// <summary>The needs found in the assessment: life domains and a free text.</summary>
public sealed record Needs
{
    public static Needs None { get; } = new();

    public static IReadOnlySet<string> FieldNames { get; } = new HashSet<string>(StringComparer.Ordinal) { "lifeDomains", "text" };

    public IReadOnlyList<LifeDomain> LifeDomains { get; init; } = [];

    public string? Text { get; init; }

    public IReadOnlyList<FieldError> Validate(string prefix = "needs")
    {
        var errors = new List<FieldError>();
        FieldLimits.CheckCount(errors, prefix + ".lifeDomains", LifeDomains);
        FieldLimits.CheckText(errors, prefix + ".text", Text, FieldLimits.TextLength, required: false);
        return errors;
    }

    public Needs Normalised() => this with { LifeDomains = LifeDomains ?? [] };

    public bool IsEmpty => (LifeDomains ?? []).Count == 0 && string.IsNullOrWhiteSpace(Text);
}
