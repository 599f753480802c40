using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Kim.Core.Cases;
using Kim.Core.Storage.Cases;
using Kim.Testing;
using static Kim.Storage.Tests.StorageTestKit;

namespace Kim.Storage.Tests.Cases;

[Collection(AzuriteCollection.Name)]
public sealed class BlobDocumentStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private async Task<(BlobDocumentStore Store, BlobContainerClient Blobs)> NewStoreAsync(RequestCountingPolicy? blobRequests = null)
    {
        var blobs = Blobs(azurite, blobRequests).GetBlobContainerClient(UniqueName("docs"));
        var table = Tables(azurite).GetTableClient(UniqueName("docs"));
        await blobs.CreateIfNotExistsAsync(cancellationToken: Timeout());
        await table.CreateIfNotExistsAsync(Timeout());
        blobRequests?.Reset();
        return (new BlobDocumentStore(blobs, table, new FakeTimeProvider(T0)), blobs);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_stored_document_is_listed_with_its_length_and_hash_and_reads_back_byte_for_byte()
    {
        var (store, _) = await NewStoreAsync();
        var bytes = RandomNumberGenerator.GetBytes(300_000);

        var stored = await store.AddAsync("c-1", new NewDocument("Bescheid Ü.pdf", "application/pdf", new MemoryStream(bytes), "cm-iserlohn", "case"), Timeout());

        Assert.Equal(bytes.Length, stored.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        var listed = Assert.Single(await store.ListAsync("c-1", Timeout()));
        Assert.Equal(stored, listed);
        await using var read = await store.OpenReadAsync("c-1", stored.DocumentId, Timeout());
        using var copy = new MemoryStream();
        await read!.Content.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact(Timeout = 30_000)]
    public async Task A_document_of_another_case_or_an_id_of_another_shape_is_not_found()
    {
        var (store, _) = await NewStoreAsync();
        var stored = await store.AddAsync("c-1", new NewDocument("a.png", "image/png", new MemoryStream([1, 2, 3]), "cm", "intake"), Timeout());

        Assert.Null(await store.GetAsync("c-2", stored.DocumentId, Timeout()));
        Assert.Null(await store.OpenReadAsync("c-2", stored.DocumentId, Timeout()));
        Assert.Null(await store.GetAsync("c-1", "../c-2/x", Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Deleting_a_case_removes_its_documents_and_unlisted_blobs_but_not_other_cases()
    {
        var (store, blobs) = await NewStoreAsync();
        await store.AddAsync("c-1", new NewDocument("a.pdf", "application/pdf", new MemoryStream([1]), "cm", "case"), Timeout());
        await store.AddAsync("c-1", new NewDocument("b.pdf", "application/pdf", new MemoryStream([2]), "cm", "case"), Timeout());
        await store.AddAsync("c-10", new NewDocument("c.pdf", "application/pdf", new MemoryStream([3]), "cm", "case"), Timeout());
        await blobs.UploadBlobAsync("c-1/d-orphan00000", new BinaryData(new byte[] { 4 }), Timeout()); // a crash before the row

        Assert.Equal(2, await store.DeleteAllAsync("c-1", Timeout()));

        Assert.Empty(await store.ListAsync("c-1", Timeout()));
        Assert.Empty(await blobs.GetBlobsAsync(BlobTraits.None, BlobStates.None, "c-1/", Timeout()).ToListAsync());
        Assert.Single(await store.ListAsync("c-10", Timeout()));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_20_MiB_document_streams_up_in_blocks_and_down_unbuffered_with_flat_memory()
    {
        const long size = 20L * 1024 * 1024;
        var blobRequests = new RequestCountingPolicy();
        var (store, _) = await NewStoreAsync(blobRequests);
        using var source = new GeneratedStream(size);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stored = await store.AddAsync("c-big", new NewDocument("akte.bin", "application/octet-stream", source, "cm", "case"), Timeout(100));
        var uploadAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Equal(size, stored.Length);
        Assert.Equal(Convert.ToHexStringLower(source.HashOfBytesRead()), stored.Sha256);
        Assert.True(source.LargestReadRequested <= BlobDocumentStore.BlockBytes, $"a read asked for {source.LargestReadRequested} bytes");
        Assert.Equal(5, blobRequests.CountWithQuery("comp=block"));
        Assert.Equal(1, blobRequests.CountWithQuery("comp=blocklist"));
        Assert.True(uploadAllocated < size / 2, $"the upload allocated {uploadAllocated} bytes for {size}");

        allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await using var read = await store.OpenReadAsync("c-big", stored.DocumentId, Timeout(100));
        Assert.False(read!.Content is MemoryStream, "the download must be streamed, not buffered");
        using var sha = SHA256.Create();
        var downloaded = await sha.ComputeHashAsync(read.Content, Timeout(100));
        var downloadAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Equal(source.HashOfBytesRead(), downloaded);
        Assert.True(downloadAllocated < size / 2, $"the download allocated {downloadAllocated} bytes for {size}");
    }
}
