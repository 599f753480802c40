using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Kim.Core.Storage;

/// <summary>
/// Reads the error code and message of a failed storage response, so that
/// <see cref="RequestFailedException.ErrorCode"/> is filled. Tables answer data errors as JSON
/// <c>odata.error</c> but authentication and version errors as XML <c>&lt;Error&gt;&lt;Code&gt;</c>;
/// Blob and Queue answer XML and also send <c>x-ms-error-code</c>.
/// https://learn.microsoft.com/rest/api/storageservices/status-and-error-codes2
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static StorageErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        var (code, message) = Parse(response.Content.ToString());
        if (response.Headers.TryGetValue("x-ms-error-code", out var headerCode) && !string.IsNullOrEmpty(headerCode))
        {
            code = headerCode;
        }

        error = code is null && message is null ? null : new ResponseError(code, message ?? code);
        return error is not null;
    }

    /// <summary>Code and message from a JSON or XML error body; nulls when the body is neither.</summary>
    internal static (string? Code, string? Message) Parse(string body)
    {
        var trimmed = body.TrimStart();
        try
        {
            if (trimmed.StartsWith('{'))
            {
                using var doc = JsonDocument.Parse(trimmed);
                if (doc.RootElement.TryGetProperty("odata.error", out var odata) || doc.RootElement.TryGetProperty("error", out odata))
                {
                    var code = odata.TryGetProperty("code", out var c) ? c.GetString() : null;
                    string? message = null;
                    if (odata.TryGetProperty("message", out var m))
                    {
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString()
                            : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    }

                    return (code, message);
                }
            }
            else if (trimmed.StartsWith('<'))
            {
                var root = XDocument.Parse(trimmed).Root;
                if (root is not null && root.Name.LocalName == "Error")
                {
                    return (root.Element("Code")?.Value, root.Element("Message")?.Value);
                }
            }
        }
        catch (Exception e) when (e is JsonException or XmlException)
        {
            // Not a structured error body: the status alone must do.
        }

        return (null, null);
    }
}
