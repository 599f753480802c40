namespace Kim.Core.Cases;

/// <summary>
/// Length and count limits of the domain's fields. The API validates requests with them (and lists
/// them in the OpenAPI document); the workflows check them again, because state is forever.
/// </summary>
public static class FieldLimits
{
    public const int NameLength = 100;
    public const int PhoneLength = 40;

    /// <summary>RFC 5321's limit for a forward path.</summary>
    public const int EmailLength = 254;
    public const int LanguageCodeLength = 16;
    public const int ShortTextLength = 200;
    public const int TextLength = 4000;
    public const int ListItems = 20;
    public const int IdLength = 64;

    internal static void CheckText(List<FieldError> errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new FieldError(field, "is required"));
            }
        }
        else if (value.Length > max)
        {
            errors.Add(new FieldError(field, $"is longer than {max} characters"));
        }
    }

    internal static void CheckCount<T>(List<FieldError> errors, string field, IReadOnlyCollection<T>? items, int max = ListItems)
    {
        if (items is not null && items.Count > max)
        {
            errors.Add(new FieldError(field, $"has more than {max} items"));
        }
    }
}
