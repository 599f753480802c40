using Kim.Core.Cases;

namespace Kim.Api.Cases;

public sealed record GoalResponse(string Text, LifeDomain? LifeDomain, DateOnly? TargetDate);
