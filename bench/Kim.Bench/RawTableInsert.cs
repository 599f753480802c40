using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Kim.Bench;

/// <summary>
/// The baseline: one table insert as a bare HttpClient request, signed by hand, with none of
/// Kim's pipeline (retries, diagnostics, error parsing). What our client costs on top is the ratio.
/// </summary>
public sealed class RawTableInsert(Uri tableEndpoint, string accountName, string accountKey, string table) : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly byte[] _key = Convert.FromBase64String(accountKey);

    public async Task InsertAsync(string partitionKey, string rowKey)
    {
        var uri = new Uri($"{tableEndpoint.ToString().TrimEnd('/')}/{table}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        var date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        // SharedKeyLite for Tables: date, newline, canonicalized resource.
        var toSign = $"{date}\n/{accountName}{uri.AbsolutePath}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(toSign)));
        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-version", "2020-12-06");
        request.Headers.Add("DataServiceVersion", "3.0");
        request.Headers.Add("Prefer", "return-no-content");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/json;odata=minimalmetadata"));
        request.Headers.Authorization = new AuthenticationHeaderValue("SharedKeyLite", $"{accountName}:{signature}");
        request.Content = new StringContent(
            $"{{\"PartitionKey\":\"{partitionKey}\",\"RowKey\":\"{rowKey}\",\"Value\":\"benchmark\"}}",
            Encoding.UTF8,
            "application/json");
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
