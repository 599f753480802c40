namespace Kim.Api.Intake;

/// <summary>An intake as read from the request: the model and the uploaded files (multipart only).</summary>
public sealed class IntakeUpload(IntakeRequest request, IReadOnlyList<IntakeFile> documents) : IAsyncDisposable
{
    public IntakeRequest Request { get; } = request;

    public IReadOnlyList<IntakeFile> Documents { get; } = documents;

    public async ValueTask DisposeAsync()
    {
        foreach (var document in Documents)
        {
            await document.DisposeAsync();
        }
    }
}
