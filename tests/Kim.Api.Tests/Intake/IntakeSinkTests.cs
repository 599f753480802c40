using System.Net;
using Kim.Api.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Api.Tests.Intake;

public sealed class IntakeSinkTests
{
    [Fact(Timeout = 30_000)]
    public async Task The_sink_reads_the_uploaded_bytes_unchanged_and_a_registered_sink_replaces_the_default()
    {
        var sink = new ReadingSink();
        await using var host = await KimApiHost.StartAsync(services: s => s.AddSingleton<IIntakeSink>(sink));

        using var response = await host.Client.SendAsync(IntakeRequests.Multipart(IntakeRequests.Full("SINK-1"),
            [("a.pdf", "application/pdf", IntakeRequests.Pdf), ("b.png", "image/png", IntakeRequests.Png)]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, sink.Contents.Count);
        Assert.Contains(sink.Contents, c => c.SequenceEqual(IntakeRequests.Pdf));
        Assert.Contains(sink.Contents, c => c.SequenceEqual(IntakeRequests.Png));
    }
}
