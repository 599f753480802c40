using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Kim.Core.Storage;

/// <summary>
/// Signs every attempt with Shared Key. It runs per retry, after Azure.Core has added
/// <c>x-ms-client-request-id</c>, so that header is signed and <c>x-ms-date</c> is fresh on each send.
/// Tables use <c>SharedKeyLite</c> (as the official Tables SDK does); Blob and Queue use <c>SharedKey</c>.
/// https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key
/// </summary>
internal sealed class SharedKeyPolicy(StorageSharedKeyCredential credential, bool tables, TimeProvider? time = null)
    : HttpPipelineSynchronousPolicy
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = _time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);

        var uri = request.Uri.ToUri();
        string scheme;
        string stringToSign;
        if (tables)
        {
            scheme = "SharedKeyLite";
            stringToSign = SharedKeyStringToSign.ForTableLite(date, uri, credential.AccountName);
        }
        else
        {
            scheme = "SharedKey";
            long? length = request.Content is { } content && content.TryComputeLength(out var l) ? l : null;
            var headers = request.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value));
            stringToSign = SharedKeyStringToSign.ForBlobOrQueue(request.Method.Method, uri, headers, length, credential.AccountName);
        }

        request.Headers.SetValue(
            "Authorization", $"{scheme} {credential.AccountName}:{credential.ComputeSignature(stringToSign)}");
    }
}
