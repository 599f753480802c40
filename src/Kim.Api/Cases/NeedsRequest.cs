namespace Kim.Api.Cases;

public sealed record NeedsRequest(IReadOnlyList<string>? LifeDomains = null, string? Text = null);
