using System.Globalization;
using System.Text;

namespace Kim.Core.Storage;

/// <summary>
/// The entity-group transaction wire format: a <c>multipart/mixed</c> batch holding one changeset
/// whose parts are the operations as HTTP requests, CRLF line endings, JSON on one line.
/// Pure functions, so the format is unit-tested without a service.
/// https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions
/// </summary>
internal static class TableBatch
{
    public const int MaxOperations = 100;

    /// <summary>
    /// The service's rules, checked on our side because Azurite does not check partitions:
    /// 1 to 100 operations, one partition, each RowKey once, valid keys.
    /// </summary>
    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one operation.", nameof(actions));
        }

        if (actions.Count > MaxOperations)
        {
            throw new ArgumentException(
                $"A transaction holds at most {MaxOperations} operations; this one has {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity ?? throw new ArgumentException($"Operation {i} has no entity.", nameof(actions));
            TableKeys.Validate(entity.PartitionKey, nameof(actions));
            TableKeys.Validate(entity.RowKey, nameof(actions));
            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"All operations of a transaction must share one partition; operation {i} is in another.", nameof(actions));
            }

            if (!rowKeys.Add(entity.RowKey))
            {
                throw new ArgumentException(
                    $"Each entity may appear once in a transaction; operation {i} repeats RowKey '{entity.RowKey}'.", nameof(actions));
            }
        }
    }

    public static string BuildBody(
        Uri tableEndpoint, string table, IReadOnlyList<TableTransactionAction> actions, string batchBoundary, string changesetBoundary)
    {
        var baseUrl = tableEndpoint.AbsoluteUri.TrimEnd('/');
        var s = new StringBuilder();
        s.Append("--").Append(batchBoundary).Append("\r\n");
        s.Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var entityUrl = baseUrl + "/" + TableKeys.EntityPath(table, entity.PartitionKey, entity.RowKey);
            var (method, url, ifMatch, body) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", baseUrl + "/" + table, null, true),
                TableTransactionActionType.UpsertMerge => ("PATCH", entityUrl, null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", entityUrl, null, true),
                TableTransactionActionType.UpdateMerge => ("PATCH", entityUrl, IfMatch(action), true),
                TableTransactionActionType.UpdateReplace => ("PUT", entityUrl, IfMatch(action), true),
                TableTransactionActionType.Delete => ("DELETE", entityUrl, IfMatch(action), false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown action type."),
            };

            s.Append("--").Append(changesetBoundary).Append("\r\n");
            s.Append("Content-Type: application/http\r\n");
            s.Append("Content-Transfer-Encoding: binary\r\n\r\n");
            s.Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n");
            s.Append("Accept: application/json;odata=minimalmetadata\r\n");
            s.Append("DataServiceVersion: 3.0\r\n");
            if (ifMatch is not null)
            {
                s.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            }

            if (body)
            {
                s.Append("Content-Type: application/json\r\n");
                s.Append("Prefer: return-no-content\r\n\r\n");
                s.Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity))).Append("\r\n");
            }
            else
            {
                s.Append("\r\n");
            }
        }

        s.Append("--").Append(changesetBoundary).Append("--\r\n");
        s.Append("--").Append(batchBoundary).Append("--\r\n");
        return s.ToString();
    }

    /// <summary>Splits the multipart answer into its HTTP sub-responses, in order.</summary>
    public static IReadOnlyList<TableBatchSubResponse> ParseResponse(string body)
    {
        // The changeset's boundary is named in the nested part's Content-Type; sub-responses sit between its delimiters.
        var marker = body.IndexOf("boundary=changesetresponse_", StringComparison.OrdinalIgnoreCase);
        var results = new List<TableBatchSubResponse>();
        IEnumerable<string> parts;
        if (marker >= 0)
        {
            var start = marker + "boundary=".Length;
            var end = body.IndexOfAny(['\r', '\n', ';'], start);
            var boundary = body[start..(end < 0 ? body.Length : end)].Trim();
            parts = body.Split("--" + boundary);
        }
        else
        {
            parts = [body];
        }

        foreach (var part in parts)
        {
            var http = part.IndexOf("HTTP/1.1 ", StringComparison.Ordinal);
            if (http < 0)
            {
                continue;
            }

            var lines = part[http..].Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var i = 1;
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
                }
            }

            var content = string.Join('\n', lines.Skip(i + 1)).Trim();
            results.Add(new TableBatchSubResponse(status, headers, content));
        }

        return results;
    }

    /// <summary>
    /// The failed operation's index: the error message starts with it (<c>"1:The specified entity
    /// already exists"</c>). Without a prefix the service did not say, and the first operation is blamed.
    /// </summary>
    public static int FailedIndex(string? errorMessage)
    {
        if (errorMessage is null)
        {
            return 0;
        }

        var colon = errorMessage.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(errorMessage.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : 0;
    }

    private static string IfMatch(TableTransactionAction action) =>
        action.ETag == default ? "*" : action.ETag.ToString();

    /// <summary>Code and message of a failed sub-response's JSON (or XML) error body.</summary>
    public static (string? Code, string? Message) ParseError(string body) =>
        body.Length == 0 ? (null, null) : StorageErrorParser.Parse(body);
}
