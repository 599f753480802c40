using System.Text.Json.Nodes;
using Kim.Api.Intake;
using Kim.Core.Cases;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Kim.Api.Http;

/// <summary>
/// Writes the field limits that the API enforces (docs/limits.md) into the OpenAPI schemas, so a
/// partner's developer sees them where the fields are described: string lengths by field name,
/// list sizes, and the body limits in the document's description.
/// </summary>
internal sealed class LimitsSchemaTransformer(IOptionsMonitor<IntakeOptions> intake) : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, int> StringLengths = new(StringComparer.Ordinal)
    {
        ["givenName"] = FieldLimits.NameLength,
        ["familyName"] = FieldLimits.NameLength,
        ["name"] = FieldLimits.NameLength,
        ["email"] = FieldLimits.EmailLength,
        ["phone"] = FieldLimits.PhoneLength,
        ["partnerReference"] = KimLimits.ReferenceLength,
        ["text"] = FieldLimits.TextLength,
    };

    private static readonly HashSet<string> Lists = new(StringComparer.Ordinal) { "languages", "legalDomains", "lifeDomains", "categories" };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonPropertyInfo?.Name is not { } name)
        {
            return Task.CompletedTask;
        }

        if (StringLengths.TryGetValue(name, out var length) && schema.Type?.HasFlag(JsonSchemaType.String) == true)
        {
            schema.MaxLength = length;
        }
        else if (Lists.Contains(name) && schema.Type?.HasFlag(JsonSchemaType.Array) == true)
        {
            schema.MaxItems = FieldLimits.ListItems;
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var limits = intake.CurrentValue;
        document.Info ??= new OpenApiInfo();
        document.Info.Description =
            $"Kim, the case-workflow backend of Kommunales Integrationsmanagement NRW. Limits: JSON bodies {KimLimits.JsonBodyBytes / 1024} KiB; " +
            $"multipart intakes at most {limits.MaxFiles} files (Kim__Intake__MaxFiles; parts named 'documents', PDF/JPEG/PNG judged by their structure) " +
            $"of at most {limits.MaxFileBytes} bytes each (Kim__Intake__MaxFileBytes) plus {KimLimits.FormFieldsBytes / 1024} KiB of fields; " +
            "field lengths as given in the schemas. " +
            "Errors are application/problem+json (RFC 9457); 400 for a body that cannot be read (malformed JSON, text that is not " +
            "valid Unicode, a cut-off multipart body), 413 for a body or file over its limit, 415 for a wrong content type, " +
            "422 for invalid fields (a JSON member sent twice included). Text is stored in Unicode NFC; instants are answered " +
            "in Europe/Berlin time with their offset. A 201 names the created item in its Location.";
        document.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
        document.Extensions["x-kim-limits"] = new JsonNodeExtension(new JsonObject
        {
            ["jsonBodyBytes"] = KimLimits.JsonBodyBytes,
            ["formFields"] = KimLimits.FormFieldCount,
            ["maxFileBytes"] = limits.MaxFileBytes,
            ["maxFiles"] = limits.MaxFiles,
            ["listItems"] = FieldLimits.ListItems,
        });
        return Task.CompletedTask;
    }
}
