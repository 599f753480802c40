namespace Kim.Api.Intake;

/// <summary>What the partner sees the client needs: life domains and a free text.</summary>
public sealed record IntakeNeeds
{
    /// <summary>Any of <see cref="IntakeVocabulary.LifeDomains"/>.</summary>
    public IReadOnlyList<string>? LifeDomains { get; init; }

    public string? Text { get; init; }
}
