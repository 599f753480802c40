using System.Text.Json.Serialization;

namespace Kim.Api.Access;

/// <summary>One claim of a <see cref="ClientPrincipal"/>.</summary>
public sealed record ClientPrincipalClaim(
    [property: JsonPropertyName("typ")] string? Type,
    [property: JsonPropertyName("val")] string? Value);
