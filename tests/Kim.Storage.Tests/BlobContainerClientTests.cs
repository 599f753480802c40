using System.Security.Cryptography;
using System.Text;
using Azure;
using Kim.Core.Storage;
using Kim.Testing;
using static Kim.Storage.Tests.StorageTestKit;

namespace Kim.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobContainerClientTests(AzuriteFixture azurite)
{
    private async Task<BlobContainerClient> NewContainerAsync(RequestCountingPolicy? counter = null)
    {
        var container = new BlobServiceClient(Account(azurite), Options(counter)).GetBlobContainerClient(UniqueName("c"));
        await container.CreateIfNotExistsAsync(Timeout());
        counter?.Reset();
        return container;
    }

    [Fact(Timeout = 30_000)]
    public async Task Create_if_missing_creates_once_and_accepts_an_existing_container()
    {
        var container = new BlobServiceClient(Account(azurite), Options()).GetBlobContainerClient(UniqueName("c"));
        Assert.True(await container.CreateIfNotExistsAsync(Timeout()));
        Assert.False(await container.CreateIfNotExistsAsync(Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Small_content_goes_out_in_one_put_with_content_type_and_metadata()
    {
        var counter = new RequestCountingPolicy();
        var container = await NewContainerAsync(counter);
        var options = new BlobUploadOptions { ContentType = "text/plain; charset=utf-8" };
        options.Metadata["caseId"] = "c-42";

        await container.UploadAsync("dir/a b.txt", new MemoryStream(Encoding.UTF8.GetBytes("hello")), options, Timeout());

        Assert.Equal(1, counter.Count);
        var properties = await container.GetPropertiesAsync("dir/a b.txt", Timeout());
        Assert.Equal(5, properties.ContentLength);
        Assert.Equal("text/plain; charset=utf-8", properties.ContentType);
        Assert.Equal("c-42", properties.Metadata["caseId"]);
        Assert.NotEqual(default, properties.ETag);
        await using var download = await container.DownloadAsync("dir/a b.txt", cancellationToken: Timeout());
        Assert.Equal("hello", await new StreamReader(download.Content).ReadToEndAsync(Timeout()));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_20_MiB_upload_goes_out_in_blocks_through_one_block_sized_buffer_and_downloads_identically()
    {
        const int blockSize = 4 * 1024 * 1024;
        const long size = 20L * 1024 * 1024;
        var counter = new RequestCountingPolicy();
        var container = await NewContainerAsync(counter);
        using var source = new GeneratedStream(size);

        await container.UploadAsync("big.bin", source, new BlobUploadOptions { BlockSize = blockSize }, Timeout(100));

        Assert.Equal(size, source.TotalRead);
        Assert.True(source.LargestReadRequested <= blockSize, $"a read asked for {source.LargestReadRequested} bytes");
        Assert.Equal(5, counter.CountWithQuery("comp=block"));
        Assert.Equal(1, counter.CountWithQuery("comp=blocklist"));
        Assert.Equal(6, counter.Count);

        await using var download = await container.DownloadAsync("big.bin", cancellationToken: Timeout(100));
        Assert.Equal(200, download.Status);
        Assert.False(download.Content is MemoryStream, "the download must be streamed, not buffered");
        Assert.Equal(size, download.Properties.ContentLength);
        using var sha = SHA256.Create();
        var downloaded = await sha.ComputeHashAsync(download.Content, Timeout(100));
        Assert.Equal(source.HashOfBytesRead(), downloaded);
    }

    [Fact(Timeout = 30_000)]
    public async Task Content_of_exactly_one_block_and_a_bit_goes_out_in_two_blocks_with_small_block_size()
    {
        var counter = new RequestCountingPolicy();
        var container = await NewContainerAsync(counter);
        var bytes = RandomNumberGenerator.GetBytes(1000);

        await container.UploadAsync("b", new MemoryStream(bytes), new BlobUploadOptions { BlockSize = 600 }, Timeout());

        Assert.Equal(2, counter.CountWithQuery("comp=block"));
        await using var download = await container.DownloadAsync("b", cancellationToken: Timeout());
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy, Timeout());
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact(Timeout = 30_000)]
    public async Task A_ranged_download_answers_206_with_exactly_those_bytes()
    {
        var container = await NewContainerAsync();
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        await container.UploadAsync("r", new MemoryStream(bytes), cancellationToken: Timeout());

        await using var download = await container.DownloadAsync("r", new HttpRange(1000, 500), Timeout());

        Assert.Equal(206, download.Status);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy, Timeout());
        Assert.Equal(bytes.AsSpan(1000, 500).ToArray(), copy.ToArray());
    }

    [Fact(Timeout = 30_000)]
    public async Task Delete_removes_the_blob_and_delete_if_exists_tolerates_a_missing_one()
    {
        var container = await NewContainerAsync();
        await container.UploadAsync("d", new MemoryStream([1]), cancellationToken: Timeout());

        await container.DeleteAsync("d", Timeout());

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetPropertiesAsync("d", Timeout()));
        Assert.Equal(404, e.Status);
        Assert.False(await container.DeleteIfExistsAsync("d", Timeout()));
        var delete = await Assert.ThrowsAsync<RequestFailedException>(() => container.DeleteAsync("d", Timeout()));
        Assert.Equal("BlobNotFound", delete.ErrorCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task Downloading_a_missing_blob_fails_with_404_BlobNotFound()
    {
        var container = await NewContainerAsync();
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => container.DownloadAsync("missing", cancellationToken: Timeout()));
        Assert.Equal(404, e.Status);
        Assert.Equal("BlobNotFound", e.ErrorCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task Listing_by_prefix_follows_next_marker_over_several_pages_and_returns_metadata()
    {
        var counter = new RequestCountingPolicy();
        var container = await NewContainerAsync(counter);
        for (var i = 0; i < 5; i++)
        {
            var options = new BlobUploadOptions();
            options.Metadata["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await container.UploadAsync($"case-1/doc{i}", new MemoryStream([(byte)i, 0]), options, Timeout());
        }

        await container.UploadAsync("case-2/doc", new MemoryStream([9]), cancellationToken: Timeout());
        counter.Reset();

        var pages = new List<Page<BlobItem>>();
        await foreach (var page in container.GetBlobsAsync("case-1/", pageSize: 2, Timeout()).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Values.Count));
        Assert.Equal(3, counter.Count);
        var items = pages.SelectMany(p => p.Values).ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"case-1/doc{i}"), items.Select(b => b.Name));
        Assert.Equal("3", items[3].Properties.Metadata["n"]);
        Assert.Equal(2, items[3].Properties.ContentLength);
    }
}
