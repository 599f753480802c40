using System.Text.Json;

namespace Kim.Core.Mail;

/// <summary>
/// The JSON body of <c>POST /v3/mail/send</c>: one personalization with one recipient, the sender,
/// the subject and the content, <c>text/plain</c> before <c>text/html</c> as SendGrid requires.
/// https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send
/// </summary>
internal static class SendGridMailBody
{
    public static BinaryData Create(MailMessage message, MailAddress from)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("personalizations");
            json.WriteStartObject();
            json.WriteStartArray("to");
            WriteAddress(json, message.To);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WritePropertyName("from");
            WriteAddress(json, from);
            json.WriteString("subject", message.Subject);
            json.WriteStartArray("content");
            WriteContent(json, "text/plain", message.Text);
            WriteContent(json, "text/html", message.Html);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return new BinaryData(buffer.ToArray());
    }

    private static void WriteAddress(Utf8JsonWriter json, MailAddress address)
    {
        json.WriteStartObject();
        json.WriteString("email", address.Email);
        if (address.Name is not null)
        {
            json.WriteString("name", address.Name);
        }

        json.WriteEndObject();
    }

    private static void WriteContent(Utf8JsonWriter json, string type, string value)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
