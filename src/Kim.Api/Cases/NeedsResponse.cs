using Kim.Core.Cases;

namespace Kim.Api.Cases;

public sealed record NeedsResponse(IReadOnlyList<LifeDomain> LifeDomains, string? Text);
