namespace Kim.Api.Cases;

/// <summary>A file of a document upload, held in a temporary file that is deleted on dispose.</summary>
public sealed record CaseUpload(string FileName, string ContentType, FileStream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
