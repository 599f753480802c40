namespace Kim.Core.Cases;

/// <summary>A listed document with its content, read as the caller reads the stream.</summary>
public sealed record OpenedDocument(CaseDocument Document, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
