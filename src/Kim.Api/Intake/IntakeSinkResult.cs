namespace Kim.Api.Intake;

/// <summary>What the sink did; <see cref="Reference"/> is the intake's (the first one's, for a repeat).</summary>
public sealed record IntakeSinkResult(IntakeSinkOutcome Outcome, string? Reference)
{
    public static IntakeSinkResult Created(string reference) => new(IntakeSinkOutcome.Created, reference);

    public static IntakeSinkResult Repeated(string reference) => new(IntakeSinkOutcome.Repeated, reference);

    public static IntakeSinkResult KeyReused() => new(IntakeSinkOutcome.KeyReused, null);

    public static IntakeSinkResult ReferenceReused() => new(IntakeSinkOutcome.ReferenceReused, null);
}
