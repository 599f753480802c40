using Microsoft.AspNetCore.Http.Metadata;

namespace Kim.Api.Http;

/// <summary>The request body limit of an endpoint or group; routing applies it to the server's limit feature.</summary>
public sealed class RequestBodyLimitMetadata(long maxBytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxBytes;
}
