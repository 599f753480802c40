using Kim.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kim.Api.Intake;

/// <summary>
/// Describes the form variants of the intake as forms send them: flat, dotted field names, list
/// fields repeated, files in <c>documents</c>; the generator would show the nested JSON model.
/// </summary>
internal sealed class IntakeFormSchemaTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId != IntakeApi.OperationName || operation.RequestBody?.Content is not { } content)
        {
            return Task.CompletedTask;
        }

        foreach (var (mediaType, withFiles) in new[] { (IntakeReader.UrlEncoded, false), (IntakeReader.Multipart, true) })
        {
            if (content.TryGetValue(mediaType, out var body))
            {
                body.Schema = FormSchema(withFiles);
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema FormSchema(bool withFiles)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var (name, kind) in IntakeFields.Kinds)
        {
            if (kind != IntakeFieldKind.Object)
            {
                properties[name] = FieldSchema(kind);
            }
        }

        if (withFiles)
        {
            properties[IntakeFields.Documents] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                Description = "PDF, JPEG or PNG, judged by content; at most Kim__Intake__MaxFiles files of Kim__Intake__MaxFileBytes each.",
            };
        }

        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = properties,
            Required = new HashSet<string>(StringComparer.Ordinal)
            {
                IntakeFields.PartnerReference, IntakeFields.Municipality, IntakeFields.GivenName, IntakeFields.FamilyName, IntakeFields.DateOfBirth,
            },
        };
    }

    private static OpenApiSchema FieldSchema(IntakeFieldKind kind) => kind switch
    {
        IntakeFieldKind.Date => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
        IntakeFieldKind.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        IntakeFieldKind.List => new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema { Type = JsonSchemaType.String },
            MaxItems = KimLimits.ListItems,
        },
        _ => new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
