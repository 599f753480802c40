using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace Kim.Core.Mail;

/// <summary>
/// Puts SendGrid's error messages into <see cref="RequestFailedException.Message"/>. SendGrid
/// answers errors as <c>{"errors":[{"message":…,"field":…,"help":…}]}</c>.
/// https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send#responses
/// </summary>
internal sealed class SendGridErrorParser : RequestFailedDetailsParser
{
    public static SendGridErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        var message = Parse(response.Content?.ToString() ?? string.Empty);
        error = message is null ? null : new ResponseError(null, message);
        return error is not null;
    }

    /// <summary>"message (field: x); message" from SendGrid's error body; null when there is none.</summary>
    internal static string? Parse(string body)
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
}
