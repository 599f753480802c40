namespace Kim.Core.Mail;

/// <summary>
/// The one rule for identifiers that appear in mail: letters, digits, '.', '_' and '-', starting
/// with a letter or digit, at most 80 characters. No spaces, so a person's name cannot be passed
/// off as a reference.
/// </summary>
internal static class MailIdentifier
{
    public const int MaxLength = 80;

    public static string Validate(string? value, string what)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !char.IsAsciiLetterOrDigit(value[0])
            || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException(
                $"'{value}' is not a valid {what}: use letters, digits, '.', '_' and '-' (at most {MaxLength}).",
                nameof(value));
        }

        return value;
    }
}
