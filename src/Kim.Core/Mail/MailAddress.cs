namespace Kim.Core.Mail;

/// <summary>An e-mail address with an optional display name (a staff member, a partner, Kim itself).</summary>
public sealed record MailAddress
{
    public MailAddress(string email, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var trimmed = email.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1 || trimmed.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{email}' is not an e-mail address.", nameof(email));
        }

        Email = trimmed;
        Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }

    public string Email { get; }

    public string? Name { get; }

    /// <summary>The address, or null when <paramref name="email"/> is empty or not an address (a directory entry without a usable e-mail).</summary>
    public static MailAddress? TryCreate(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        try
        {
            return new MailAddress(email);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads <c>kim@example.org</c> or <c>Kim Märkischer Kreis &lt;kim@example.org&gt;</c>, the two
    /// forms <c>SendGrid__From</c> accepts.
    /// </summary>
    public static MailAddress Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var trimmed = value.Trim();
        var open = trimmed.LastIndexOf('<');
        if (open >= 0 && trimmed.EndsWith('>'))
        {
            var email = trimmed[(open + 1)..^1];
            var name = trimmed[..open].Trim().Trim('"');
            return new MailAddress(email, name);
        }

        return new MailAddress(trimmed);
    }

    public override string ToString() => Name is null ? Email : $"{Name} <{Email}>";
}
