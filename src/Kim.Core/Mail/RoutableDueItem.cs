namespace Kim.Core.Mail;

/// <summary>A due item with what routing needs: the case's municipality and assignee (null when unassigned).</summary>
public sealed record RoutableDueItem(DueItem Item, MunicipalityId Municipality, string? AssigneeId);
