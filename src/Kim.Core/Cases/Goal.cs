namespace Kim.Core.Cases;

/// <summary>A goal of the support plan, agreed with the client.</summary>
/// <param name="Text">The goal in the client's and case manager's words.</param>
/// <param name="LifeDomain">The life domain it serves, if one.</param>
/// <param name="TargetDate">When it should be reached, if agreed.</param>
public sealed record Goal(string Text, LifeDomain? LifeDomain = null, DateOnly? TargetDate = null);
