using System.Text.Json;
using Kim.Core.Workflows.Payloads;

namespace Kim.Core.Tests.Workflows;

public sealed class PayloadTests
{
    [Fact]
    public void A_value_of_the_wrong_shape_names_the_field_and_no_dotnet_type()
    {
        var payload = JsonDocument.Parse("""{"channel":"phone","at":"next tuesday"}""").RootElement;

        var e = Assert.Throws<InvalidPayloadException>(() => Payload.Read<ContactPayload>(payload));

        Assert.Equal("at is not a valid value", e.Message);
        Assert.DoesNotContain("Kim.", e.Message, StringComparison.Ordinal);
    }
}
