namespace Kim.Core.Workflows;

internal static class EnumNames
{
    /// <summary>An enum value's JSON name (kebab-case), for custom statuses and messages.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => KimJson.ToElement(value).GetString() ?? value.ToString();
}
