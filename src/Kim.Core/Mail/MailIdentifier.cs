namespace Kim.Core.Mail;

/// <summary>
/// The one rule for identifiers that appear in mail: letters, digits, '.', '_' and '-', starting
/// with a letter or digit, at most 80 characters. No spaces, so a person's name cannot be passed
/// off as a reference. A referral id may also hold ':' (<c>{caseId}:r-1</c>, the runtime's child-instance rule).
/// </summary>
internal static class MailIdentifier
{
    public const int MaxLength = 80;

    public static string Validate(string? value, string what, bool allowColon = false)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !char.IsAsciiLetterOrDigit(value[0])
            || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' || (allowColon && c == ':')))
        {
            throw new ArgumentException(
                $"'{value}' is not a valid {what}: use letters, digits, '.', '_' and '-'{(allowColon ? " and ':'" : string.Empty)} (at most {MaxLength}).",
                nameof(value));
        }

        return value;
    }
}
