using System.Text;
using System.Text.Json;

namespace Kim.Core.Mail;

/// <summary>
/// Reads SendGrid's error body, <c>{"errors":[{"message":…,"field":…,"help":…}]}</c>, into one line
/// with every message. The SendGrid library's own error handling keeps only the first one.
/// https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send#responses
/// </summary>
internal static class SendGridErrorParser
{
    /// <summary>"SendGrid: message (field: x); message" from SendGrid's error body; null when there is none.</summary>
    public static string? Parse(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (!doc.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var text = new StringBuilder();
            foreach (var item in errors.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var message = item.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                var field = item.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                if (message is null && field is null)
                {
                    continue;
                }

                if (text.Length > 0)
                {
                    text.Append("; ");
                }

                text.Append(message ?? "(no message)");
                if (field is not null)
                {
                    text.Append(" (field: ").Append(field).Append(')');
                }
            }

            return text.Length == 0 ? null : "SendGrid: " + text;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>SendGrid's messages from <paramref name="content"/>, else "SendGrid answered {status}."</summary>
    public static async Task<string> DescribeAsync(int status, HttpContent? content, CancellationToken cancellationToken)
    {
        var body = content is null ? string.Empty : await content.ReadAsStringAsync(cancellationToken);
        return Parse(body) ?? $"SendGrid answered {status}.";
    }
}
