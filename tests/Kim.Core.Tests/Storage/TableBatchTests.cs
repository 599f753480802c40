using Azure;
using Kim.Core.Storage;

namespace Kim.Core.Tests.Storage;

public sealed class TableBatchTests
{
    [Fact]
    public void The_body_is_one_changeset_of_http_parts_with_crlf_and_one_line_json()
    {
        var endpoint = new Uri("http://127.0.0.1:10002/devstoreaccount1");
        var body = TableBatch.BuildBody(
            endpoint,
            "instances",
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "a") { { "N", 1 } }),
                new(TableTransactionActionType.Delete, new TableEntity("p", "b'c"), new ETag("W/\"x\"")),
            ],
            "batch_1",
            "changeset_2");

        var expected =
            "--batch_1\r\n" +
            "Content-Type: multipart/mixed; boundary=changeset_2\r\n\r\n" +
            "--changeset_2\r\n" +
            "Content-Type: application/http\r\n" +
            "Content-Transfer-Encoding: binary\r\n\r\n" +
            "POST http://127.0.0.1:10002/devstoreaccount1/instances HTTP/1.1\r\n" +
            "Accept: application/json;odata=minimalmetadata\r\n" +
            "DataServiceVersion: 3.0\r\n" +
            "Content-Type: application/json\r\n" +
            "Prefer: return-no-content\r\n\r\n" +
            "{\"PartitionKey\":\"p\",\"RowKey\":\"a\",\"N\":1}\r\n" +
            "--changeset_2\r\n" +
            "Content-Type: application/http\r\n" +
            "Content-Transfer-Encoding: binary\r\n\r\n" +
            "DELETE http://127.0.0.1:10002/devstoreaccount1/instances(PartitionKey='p',RowKey='b%27%27c') HTTP/1.1\r\n" +
            "Accept: application/json;odata=minimalmetadata\r\n" +
            "DataServiceVersion: 3.0\r\n" +
            "If-Match: W/\"x\"\r\n\r\n" +
            "--changeset_2--\r\n" +
            "--batch_1--\r\n";
        Assert.Equal(expected, body);
    }

    [Fact]
    public void Updates_without_an_etag_are_unconditional()
    {
        var body = TableBatch.BuildBody(
            new Uri("https://kim.table.core.windows.net/"), "t", [new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "a"))], "batch_1", "changeset_2");
        Assert.Contains("PATCH https://kim.table.core.windows.net/t(PartitionKey='p',RowKey='a') HTTP/1.1\r\n", body, StringComparison.Ordinal);
        Assert.Contains("If-Match: *\r\n", body, StringComparison.Ordinal);
    }

    private const string Success =
        "--batchresponse_a\r\nContent-Type: multipart/mixed; boundary=changesetresponse_b\r\n\r\n" +
        "--changesetresponse_b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 204 No Content\r\nDataServiceVersion: 3.0;\r\nETag: W/\"datetime'1'\"\r\n\r\n\r\n" +
        "--changesetresponse_b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 204 No Content\r\nETag: W/\"datetime'2'\"\r\n\r\n\r\n" +
        "--changesetresponse_b--\r\n--batchresponse_a--\r\n";

    private const string Failure =
        "--batchresponse_a\r\nContent-Type: multipart/mixed; boundary=changesetresponse_b\r\n\r\n" +
        "--changesetresponse_b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
        "HTTP/1.1 409 Conflict\r\nContent-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n\r\n" +
        "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"1:The specified entity already exists.\\nRequestId:x\"}}}\r\n" +
        "--changesetresponse_b--\r\n--batchresponse_a--\r\n";

    [Fact]
    public void A_successful_answer_gives_one_sub_response_per_operation_with_its_etag()
    {
        var parts = TableBatch.ParseResponse(Success);
        Assert.Equal([204, 204], parts.Select(p => p.Status));
        Assert.Equal(["W/\"datetime'1'\"", "W/\"datetime'2'\""], parts.Select(p => p.Headers["ETag"]));
    }

    [Fact]
    public void A_failed_answer_gives_the_error_code_and_the_index_from_the_message()
    {
        var failed = Assert.Single(TableBatch.ParseResponse(Failure));
        Assert.Equal(409, failed.Status);
        var (code, message) = TableBatch.ParseError(failed.Body);
        Assert.Equal("EntityAlreadyExists", code);
        Assert.Equal(1, TableBatch.FailedIndex(message));
    }

    [Theory]
    [InlineData("12:Bad", 12)]
    [InlineData("No index here", 0)]
    [InlineData(null, 0)]
    public void The_failed_index_is_the_number_before_the_first_colon(string? message, int expected) =>
        Assert.Equal(expected, TableBatch.FailedIndex(message));

    [Fact]
    public void More_than_100_operations_other_partitions_and_repeated_rows_are_refused()
    {
        static TableTransactionAction Add(string pk, string rk) => new(TableTransactionActionType.Add, new TableEntity(pk, rk));
        Assert.Throws<ArgumentException>(() => TableBatch.Validate(Enumerable.Range(0, 101).Select(i => Add("p", $"{i}")).ToList()));
        Assert.Throws<ArgumentException>(() => TableBatch.Validate([Add("p", "a"), Add("q", "b")]));
        Assert.Throws<ArgumentException>(() => TableBatch.Validate([Add("p", "a"), Add("p", "a")]));
        Assert.Throws<ArgumentException>(() => TableBatch.Validate([]));
        TableBatch.Validate(Enumerable.Range(0, 100).Select(i => Add("p", $"{i}")).ToList());
    }
}
