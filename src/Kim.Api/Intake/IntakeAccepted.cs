namespace Kim.Api.Intake;

/// <summary>The 202 answer to an intake (API.md): its reference and where to ask for its status.</summary>
public sealed record IntakeAccepted(string Reference, string StatusUrl);
