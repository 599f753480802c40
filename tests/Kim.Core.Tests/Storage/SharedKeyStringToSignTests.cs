using Kim.Core.Storage;

namespace Kim.Core.Tests.Storage;

/// <summary>
/// Vectors worked out by hand from https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key.
/// </summary>
public sealed class SharedKeyStringToSignTests
{
    private const string Date = "Fri, 21 Nov 2025 10:00:00 GMT";

    private static KeyValuePair<string, string> H(string name, string value) => new(name, value);

    [Fact]
    public void Blob_put_block_lists_twelve_standard_lines_sorted_ms_headers_and_sorted_decoded_query_with_the_account_twice()
    {
        var actual = SharedKeyStringToSign.ForBlobOrQueue(
            "PUT",
            new Uri("http://127.0.0.1:10000/devstoreaccount1/mycontainer/myblob?comp=block&blockid=AAAA%3D"),
            [H("x-ms-version", "2025-11-05"), H("x-ms-date", Date), H("Content-Type", "application/octet-stream"), H("x-ms-client-request-id", "abc")],
            5,
            "devstoreaccount1");

        var expected =
            "PUT\n" + "\n" + "\n" + "5\n" + "\n" + "application/octet-stream\n" + "\n" + "\n" + "\n" + "\n" + "\n" + "\n" +
            "x-ms-client-request-id:abc\n" +
            $"x-ms-date:{Date}\n" +
            "x-ms-version:2025-11-05\n" +
            "/devstoreaccount1/devstoreaccount1/mycontainer/myblob\n" +
            "blockid:AAAA=\n" +
            "comp:block";
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Queue_get_with_no_body_leaves_content_length_empty_and_lower_cases_query_and_header_names()
    {
        var actual = SharedKeyStringToSign.ForBlobOrQueue(
            "GET",
            new Uri("https://kim.queue.core.windows.net/jobs/messages?VisibilityTimeout=30&numofmessages=32"),
            [H("X-MS-Version", "2025-11-05"), H("x-ms-date", Date)],
            0,
            "kim");

        var expected =
            "GET\n\n\n\n\n\n\n\n\n\n\n\n" +
            $"x-ms-date:{Date}\n" +
            "x-ms-version:2025-11-05\n" +
            "/kim/jobs/messages\n" +
            "numofmessages:32\n" +
            "visibilitytimeout:30";
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Conditional_and_range_headers_take_their_own_lines()
    {
        var actual = SharedKeyStringToSign.ForBlobOrQueue(
            "GET",
            new Uri("https://kim.blob.core.windows.net/c/b"),
            [H("If-Match", "\"0x1\""), H("Range", "bytes=0-9"), H("x-ms-date", Date), H("x-ms-meta-Zeta", " z "), H("x-ms-meta-alpha", "a")],
            null,
            "kim");

        var expected =
            "GET\n\n\n\n\n\n\n\n\"0x1\"\n\n\nbytes=0-9\n" +
            $"x-ms-date:{Date}\n" +
            "x-ms-meta-alpha:a\n" +
            "x-ms-meta-zeta:z\n" +
            "/kim/c/b";
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Repeated_query_parameters_are_joined_with_commas_in_sorted_order()
    {
        var actual = SharedKeyStringToSign.ForBlobOrQueue(
            "GET", new Uri("https://kim.blob.core.windows.net/c?restype=container&comp=list&include=metadata&include=copy"), [], null, "kim");
        Assert.EndsWith("/kim/c\ncomp:list\ninclude:copy,metadata\nrestype:container", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_shared_key_lite_signs_date_and_path_only_and_ignores_filter()
    {
        var actual = SharedKeyStringToSign.ForTableLite(
            Date, new Uri("http://127.0.0.1:10002/devstoreaccount1/mytable()?$filter=PartitionKey%20eq%20'a'&$top=5"), "devstoreaccount1");
        Assert.Equal($"{Date}\n/devstoreaccount1/devstoreaccount1/mytable()", actual);
    }

    [Fact]
    public void Table_shared_key_lite_keeps_the_comp_parameter()
    {
        var actual = SharedKeyStringToSign.ForTableLite(Date, new Uri("https://kim.table.core.windows.net/mytable?comp=acl"), "kim");
        Assert.Equal($"{Date}\n/kim/mytable?comp=acl", actual);
    }
}
