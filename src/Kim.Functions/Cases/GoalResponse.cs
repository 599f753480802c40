using Kim.Core.Cases;

namespace Kim.Functions.Cases;

public sealed record GoalResponse(string Text, LifeDomain? LifeDomain, DateOnly? TargetDate);
