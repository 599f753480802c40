using Kim.Api.Access;
using Kim.Api.Intake;

namespace Kim.Api.Tests.Intake;

/// <summary>A sink that reads every document's bytes during the call, as the blob upload will.</summary>
internal sealed class ReadingSink : IIntakeSink
{
    public List<byte[]> Contents { get; } = [];

    public async Task<IntakeSinkResult> SubmitAsync(IntakeSubmission submission, CancellationToken cancellationToken)
    {
        foreach (var document in submission.Documents)
        {
            await using var stream = document.OpenRead();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            Contents.Add(copy.ToArray());
        }

        return IntakeSinkResult.Created("in-test");
    }

    public Task<IntakeStatusReport?> FindAsync(Partner partner, string reference, CancellationToken cancellationToken) =>
        Task.FromResult<IntakeStatusReport?>(null);

    public Task ForgetCaseAsync(string partnerId, string partnerReference, string caseId, CancellationToken cancellationToken) => Task.CompletedTask;
}
