namespace Kim.Api.Cases;

/// <summary>The answer to a POST that creates something (API.md, "Answers").</summary>
public sealed record CreatedResponse(string Id);
