using System.Text;

namespace Kim.Core.Storage;

/// <summary>
/// The strings that Shared Key signatures are computed over. Pure functions, so that unit tests can
/// check them against vectors worked out by hand from the REST documentation.
/// https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key
/// </summary>
internal static class SharedKeyStringToSign
{
    /// <summary>
    /// Blob and Queue services, scheme <c>SharedKey</c>: twelve standard header lines, the sorted
    /// <c>x-ms-*</c> headers, then the canonicalized resource with its sorted query parameters.
    /// </summary>
    /// <param name="headers">The request's headers as they are when signing (names in any case).</param>
    /// <param name="contentLength">Body length; 0 or null gives an empty line, as versions since 2015-02-21 require.</param>
    public static string ForBlobOrQueue(
        string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, long? contentLength, string accountName)
    {
        var all = headers.ToList();
        string Header(string name) =>
            all.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault() ?? "";

        var s = new StringBuilder();
        s.Append(method.ToUpperInvariant()).Append('\n');
        s.Append(Header("Content-Encoding")).Append('\n');
        s.Append(Header("Content-Language")).Append('\n');
        s.Append(contentLength is null or 0 ? "" : contentLength.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        s.Append(Header("Content-MD5")).Append('\n');
        s.Append(Header("Content-Type")).Append('\n');
        s.Append('\n'); // Date: empty because x-ms-date is always sent.
        s.Append(Header("If-Modified-Since")).Append('\n');
        s.Append(Header("If-Match")).Append('\n');
        s.Append(Header("If-None-Match")).Append('\n');
        s.Append(Header("If-Unmodified-Since")).Append('\n');
        s.Append(Header("Range")).Append('\n');

        var msHeaders = all
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in msHeaders)
        {
            s.Append(name).Append(':').Append(value).Append('\n');
        }

        s.Append('/').Append(accountName).Append(uri.AbsolutePath);
        var parameters = ParseQuery(uri.Query)
            .GroupBy(p => p.Name.ToLowerInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in parameters)
        {
            var values = group.Select(p => p.Value).OrderBy(v => v, StringComparer.Ordinal);
            s.Append('\n').Append(group.Key).Append(':').Append(string.Join(',', values));
        }

        return s.ToString();
    }

    /// <summary>
    /// Table service, scheme <c>SharedKeyLite</c>: the date, then the resource with only its
    /// <c>comp</c> parameter. Signing any other parameter (e.g. <c>$filter</c>) gives 403.
    /// </summary>
    public static string ForTableLite(string xMsDate, Uri uri, string accountName)
    {
        var s = new StringBuilder();
        s.Append(xMsDate).Append('\n').Append('/').Append(accountName).Append(uri.AbsolutePath);
        var comp = ParseQuery(uri.Query).FirstOrDefault(p => string.Equals(p.Name, "comp", StringComparison.OrdinalIgnoreCase));
        if (comp.Name is not null)
        {
            s.Append("?comp=").Append(comp.Value);
        }

        return s.ToString();
    }

    private static IEnumerable<(string Name, string Value)> ParseQuery(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            yield return (name, value);
        }
    }
}
