namespace Kim.Core.Storage;

/// <summary>
/// The characters a partition or row key must not contain: Kim's keys built from outside values
/// (e.g. <c>MailDeliveryKey</c>) encode them away.
/// https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#characters-disallowed-in-key-fields
/// </summary>
internal static class TableKeys
{
    /// <summary>A character a partition or row key must not contain.</summary>
    public static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' || char.IsControl(c);
}
