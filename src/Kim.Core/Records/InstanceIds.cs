namespace Kim.Core.Records;

/// <summary>
/// The instance-id rule. A root instance (a case) has an id without ':'; a child (a referral or a
/// handover) has the id <c>{parentId}:{suffix}</c>. The partition of every instance is its root id,
/// the text before the first ':', so a case, its children and all their history rows share one
/// partition and one entity-group transaction can commit a step.
/// </summary>
public static class InstanceIds
{
    /// <summary>Long enough for a case id with a few levels of children, short enough for table keys.</summary>
    public const int MaxLength = 200;

    public static string RootOf(string instanceId)
    {
        var colon = instanceId.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? instanceId : instanceId[..colon];
    }

    /// <summary>The parent an id names (text before the last ':'), or null for a root.</summary>
    public static string? ParentOf(string instanceId)
    {
        var colon = instanceId.LastIndexOf(':');
        return colon < 0 ? null : instanceId[..colon];
    }

    public static bool IsRoot(string instanceId) => !instanceId.Contains(':', StringComparison.Ordinal);

    /// <summary>Letters, digits, '-', '_', '.' in segments separated by ':'; no empty segment.</summary>
    public static bool IsValid(string? instanceId)
    {
        if (string.IsNullOrEmpty(instanceId) || instanceId.Length > MaxLength)
        {
            return false;
        }

        var previousColon = true;
        foreach (var c in instanceId)
        {
            if (c == ':')
            {
                if (previousColon)
                {
                    return false;
                }

                previousColon = true;
                continue;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }

            previousColon = false;
        }

        return !previousColon;
    }

    public static void Validate(string instanceId)
    {
        if (!IsValid(instanceId))
        {
            throw new ArgumentException(
                $"'{instanceId}' is not an instance id: use letters, digits, '-', '_', '.', with ':' only between a parent id and a child suffix (at most {MaxLength} characters).",
                nameof(instanceId));
        }
    }

    /// <summary>Event ids become part of a table key: no control characters, '/', '\', '#' or '?'.</summary>
    public static void ValidateEventId(string eventId)
    {
        if (string.IsNullOrEmpty(eventId) || eventId.Length > 256 ||
            eventId.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?'))
        {
            throw new ArgumentException($"'{eventId}' is not a valid event id (1-256 characters, none of / \\ # ? or control characters).", nameof(eventId));
        }
    }
}
