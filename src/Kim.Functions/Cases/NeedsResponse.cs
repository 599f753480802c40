using Kim.Core.Cases;

namespace Kim.Functions.Cases;

public sealed record NeedsResponse(IReadOnlyList<LifeDomain> LifeDomains, string? Text);
