namespace Kim.Api.Access;

/// <summary>A municipality (kreisangehörige Kommune) of a district: the tenant of a case.</summary>
public sealed record Municipality(string Id, string Name, string District);
