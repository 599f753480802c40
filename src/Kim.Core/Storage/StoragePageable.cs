using Azure;

namespace Kim.Core.Storage;

/// <summary>
/// An <see cref="AsyncPageable{T}"/> over a page-fetching function: <c>AsPages()</c> yields the
/// service's pages following continuation tokens; enumerating it directly flattens them.
/// </summary>
internal sealed class StoragePageable<T>(
    Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage, CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        do
        {
            var page = await fetchPage(continuationToken, pageSizeHint, CancellationToken);
            yield return page;
            continuationToken = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuationToken));
    }
}
